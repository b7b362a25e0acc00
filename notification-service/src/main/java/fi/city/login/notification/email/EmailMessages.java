package fi.city.login.notification.email;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the password-link email. Finnish here is the city's own (docs/journey.md, screen 4); Swedish and
 * English are in {@code messages/email_sv.properties} and {@code email_en.properties}.
 */
@MessageBundle(value = "email", locale = "fi")
public interface EmailMessages {

    @Message("Asiointipalvelu: Vaihda unohtunut salasanasi")
    String subjectPasswordChange();

    @Message("Asiointipalvelu: Aseta salasanasi")
    String subjectNewAccount();

    /**
     * A carried-over account's first password. The city's guide words this email in Finnish as a forgotten
     * password's, and the Finnish emails keep its words; Swedish and English say "choose" / "set".
     */
    @Message("Asiointipalvelu: Vaihda unohtunut salasanasi")
    String subjectFirstLogin();

    @Message("Alla olevalla linkillä pääset vaihtamaan unohtuneen salasanasi Asiointipalvelussa.")
    String introFirstLogin();

    @Message("Alla olevalla linkillä pääset vaihtamaan unohtuneen salasanasi Asiointipalvelussa.")
    String introPasswordChange();

    @Message("Asiointipalvelu: Kirjautumiskoodisi")
    String subjectLoginCode();

    @Message("Kirjautuminen uudelta selaimelta on tauolla, koska salasanaa on arvattu väärin liian monta kertaa. Kirjaudu kirjoittamalla alla oleva koodi ja salasanasi.")
    String introLoginCode();

    @Message("Alla olevalla linkillä pääset asettamaan salasanan uudelle käyttäjätunnuksellesi Asiointipalvelussa.")
    String introNewAccount();

    @Message("Käyttäjätunnus: {email}")
    String username(String email);

    @Message("Linkki on voimassa {expiresAt} asti, ja sitä voi käyttää vain kerran.")
    String validUntil(String expiresAt);

    @Message("Jos et pyytänyt tätä viestiä, voit jättää sen huomiotta.")
    String notRequested();

    @Message("Asiointipalvelu: Kirjautuminen uudelta selaimelta")
    String subjectNewBrowser();

    @Message("Käyttäjätunnuksellasi kirjauduttiin {when} selaimella, jota ei ole aiemmin käytetty: {browser}. Jos se olit sinä, voit jättää tämän viestin huomiotta. Jos et kirjautunut, aseta uusi salasana alla olevasta linkistä: uusi salasana kirjaa ulos kaikki kirjautumiset.")
    String introNewBrowser(String when, String browser);

    @Message("tuntematon selain")
    String unknownBrowser();

    @Message("Koodi on voimassa {expiresAt} asti, ja sitä voi käyttää vain kerran.")
    String codeValidUntil(String expiresAt);

    @Message("Jos et yrittänyt kirjautua, joku muu on arvannut salasanaasi: vaihda se ”Unohtuiko käyttäjätunnus tai salasana?” -toiminnolla.")
    String codeNotRequested();

    @Message("Ongelmatilanteissa ota yhteys kuntaan.")
    String problems();

    @Message("Ystävällisin terveisin,")
    String regards();

    @Message("Asiointipalvelu")
    String signature();

    @Message("Asiointipalvelu: Salasanasi on vaihdettu")
    String subjectPasswordChanged();

    @Message("Asiointipalvelun salasanasi vaihdettiin {changedAt}.")
    String passwordChangedBody(String changedAt);

    @Message("Jos vaihdoit salasanan itse, tämä viesti ei vaadi toimenpiteitä. Jos et vaihtanut salasanaa, vaihda se heti Unohtuiko käyttäjätunnus tai salasana? -linkin kautta ja ota yhteys kuntaan.")
    String passwordChangedNotYou();

    @Message("Asiointipalvelu: Osoitteella ei ole käyttäjätunnusta")
    String subjectNoAccount();

    @Message("Joku, mahdollisesti sinä, yritti kirjautua Asiointipalveluun sähköpostiosoitteella {email}, mutta tällä osoitteella ei ole käyttäjätunnusta.")
    String noAccountLogin(String email);

    @Message("Joku, mahdollisesti sinä, pyysi Asiointipalvelussa linkkiä salasanan vaihtamiseen sähköpostiosoitteelle {email}, mutta tällä osoitteella ei ole käyttäjätunnusta.")
    String noAccountPasswordLink(String email);

    @Message("Jos asioit palvelussa toisella sähköpostiosoitteella, kirjaudu sillä. Tällä osoitteella voit luoda uuden käyttäjätunnuksen:")
    String noAccountWhatToDo();

    @Message("Asiointipalvelu: Vahvista uusi sähköpostiosoitteesi")
    String subjectConfirmNewAddress();

    @Message("Pyysit Asiointipalvelussa, että käyttäjätunnuksesi vaihdetaan tähän sähköpostiosoitteeseen. Vahvista vaihto alla olevalla linkillä.")
    String confirmNewAddressIntro();

    @Message("Siihen asti kirjaudut nykyisellä käyttäjätunnuksellasi {current}.")
    String confirmNewAddressUntil(String current);

    @Message("Asiointipalvelu: Osoitteella on jo käyttäjätunnus")
    String subjectAddressInUse();

    @Message("Joku, mahdollisesti sinä, pyysi Asiointipalvelussa, että käyttäjätunnuksen {other} tilalle tulisi sähköpostiosoite {address}. Tällä osoitteella on jo oma käyttäjätunnus, joten mitään ei muutettu.")
    String addressInUseBody(String other, String address);

    @Message("Jos haluat asioida tällä osoitteella, kirjaudu sillä. Jos et pyytänyt vaihtoa, voit jättää viestin huomiotta.")
    String addressInUseWhatToDo();

    @Message("Asiointipalvelu: Käyttäjätunnuksesi on vaihdettu")
    String subjectAddressChanged();

    @Message("Asiointipalvelun käyttäjätunnuksesi vaihdettiin {changedAt} sähköpostiosoitteeksi {other}. Tällä osoitteella et voi enää kirjautua.")
    String addressChangedBody(String changedAt, String other);

    @Message("Jos et vaihtanut osoitetta itse, ota heti yhteys tukeen:")
    String addressChangedNotYou();

    @Message("Asiointipalvelu: Käyttäjätunnuksesi vaihtoa on pyydetty")
    String subjectAddressChangeAsked();

    @Message("Asiointipalvelussa pyydettiin {askedAt}, että käyttäjätunnuksesi vaihdetaan sähköpostiosoitteeksi {other}. Vaihto tapahtuu vasta, kun uuteen osoitteeseen lähetetty linkki vahvistetaan.")
    String addressChangeAskedBody(String askedAt, String other);

    @Message("Jos et pyytänyt vaihtoa itse, peru se tästä linkistä ja vaihda salasanasi:")
    String addressChangeAskedNotYou();

    @Message("{name}, puh. {phone}, {email}")
    String supportContact(String name, String phone, String email);

    @Message("d.M.yyyy 'klo' H.mm")
    String dateTimePattern();
}
