package fi.city.login.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the pages. The Finnish is the city's own wording (docs/journey.md); Swedish and English are in
 * {@code messages/msg_sv.properties} and {@code msg_en.properties}. Templates use {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "fi")
public interface PortalMessages {

    @Message("Asiointipalvelu")
    String appName();

    @Message("Kirjaudu sisään")
    String logIn();

    /** Shown in capitals by the style sheet, as in the guide's "KIRJAUDU ULOS"; read as words. */
    @Message("Kirjaudu ulos")
    String logOut();

    @Message("Kieli")
    String language();

    @Message("Kirjautuminen")
    String loginTitle();

    @Message("Kirjautumisjärjestelmä on muuttunut edellisen kirjautumisesi jälkeen. Käyttäjätunnuksena toimii jatkossa sähköpostiosoitteesi.")
    String loginNotice();

    @Message("Luo uusi käyttäjätunnus jos sinulla ei vielä ole omaa käyttäjätunnusta.")
    String createUsername();

    @Message("Käyttäjätunnus")
    String username();

    @Message("Sähköpostiosoite")
    String emailHint();

    @Message("Jatka")
    String continueButton();

    @Message("Sähköpostiisi on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.")
    String linkSent();

    @Message("Jos käyttäjätunnuksesi on siirretty vanhasta kirjautumisjärjestelmästä etkä ole vielä asettanut salasanaa, sähköpostiisi on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.")
    String linkMaybeSent();

    @Message("Avaa viesti ja seuraa sen linkkiä. Jos viestiä ei kuulu muutamassa minuutissa, katso myös roskapostikansio.")
    String linkSentHint();

    @Message("Sähköpostiosoitetta ei tunnistettu")
    String notRecognisedTitle();

    @Message("Osoitteella {email} ei löytynyt käyttäjätunnusta. Käyttäjätunnuksena toimii se sähköpostiosoite, joka on tallennettu tietoihisi. Jos sinulla on useampi sähköpostiosoite, kokeile toista osoitettasi.")
    String notRecognisedBody(String email);

    @Message("Kokeile toista osoitetta")
    String tryAnotherAddress();

    @Message("Jos et ole aiemmin käyttänyt palvelua, voit luoda uuden käyttäjätunnuksen.")
    String notRecognisedRegister();

    @Message("Salasana")
    String password();

    @Message("Käytä toista käyttäjätunnusta")
    String useAnotherUsername();

    @Message("Muista kirjautumiseni tässä tietokoneessa")
    String rememberMe();

    @Message("Unohtuiko käyttäjätunnus tai salasana?")
    String forgotLink();

    @Message("Väärä käyttäjätunnus tai salasana.")
    String wrongCredentials();

    @Message("Käyttäjätunnus on suljettu. Ota yhteys tukeen.")
    String accountDisabled();

    @Message("Liian monta epäonnistunutta kirjautumisyritystä. Yritä myöhemmin uudelleen, tai aseta uusi salasana sähköpostiisi lähetettävän linkin avulla.")
    String tooManyAttempts();

    @Message("Vaihda salasana")
    String setPasswordTitle();

    @Message("Voit vaihtaa salasanan syöttämällä uuden salasanan alla oleviin kenttiin. Salasanan vaihdon jälkeen voit kirjautua palveluun uudella salasanalla.")
    String setPasswordIntro();

    @Message("Uusi salasana")
    String newPassword();

    @Message("Vahvista uusi salasana")
    String confirmPassword();

    @Message("Vähintään {min} merkkiä. Pitkä, helposti muistettava lause on hyvä salasana.")
    String passwordHint(int min);

    @Message("Tallenna salasana")
    String savePassword();

    @Message("Salasanan vaihto onnistui. Voit nyt kirjautua palveluun uudella salasanalla.")
    String passwordChanged();

    @Message("Siirry kirjautumaan")
    String goToLogin();

    @Message("Täytä molemmat kentät.")
    String passwordRequired();

    @Message("Salasanat eivät täsmää. Kirjoita sama salasana molempiin kenttiin.")
    String passwordMismatch();

    @Message("Salasana on liian lyhyt: siinä on oltava vähintään {min} merkkiä.")
    String passwordTooShort(int min);

    @Message("Salasana on liian pitkä.")
    String passwordTooLong();

    @Message("Salasana on liian yleinen tai helposti arvattava. Valitse toinen.")
    String passwordTooCommon();

    @Message("Salasana ei saa sisältää käyttäjätunnustasi.")
    String passwordContainsUsername();

    @Message("Tarkista sähköpostiosoite.")
    String invalidEmail();

    @Message("Linkki on vanhentunut")
    String linkExpiredTitle();

    @Message("Linkki on jo käytetty")
    String linkUsedTitle();

    @Message("Linkki ei kelpaa")
    String linkInvalidTitle();

    @Message("Salasanalinkki toimii vain kerran ja vain rajatun ajan, ja uusi linkki korvaa aiemmat. Voit tilata uuden linkin sähköpostiisi.")
    String linkUnusableBody();

    @Message("Tilaa uusi linkki")
    String orderNewLink();

    @Message("Unohtuiko käyttäjätunnus tai salasana?")
    String forgotTitle();

    @Message("Käyttäjätunnuksesi on sähköpostiosoitteesi. Anna se tai vanhan kirjautumisjärjestelmän käyttäjätunnuksesi alla, niin lähetämme sähköpostiisi linkin, jonka avulla voit asettaa uuden salasanan.")
    String forgotIntro();

    @Message("Lähetä linkki")
    String sendLink();

    @Message("Jos osoitteella on käyttäjätunnus, siihen on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.")
    String forgotSent();

    @Message("Luo uusi käyttäjätunnus")
    String registerTitle();

    @Message("Käyttäjätunnukseksi tulee sähköpostiosoitteesi. Lähetämme osoitteeseen linkin, jonka avulla asetat salasanan.")
    String registerBody();

    @Message("Luo käyttäjätunnus")
    String createAccount();

    @Message("Sähköpostiisi on lähetetty linkki, jonka avulla voit asettaa salasanan ja ottaa käyttäjätunnuksen käyttöön.")
    String registrationSent();

    @Message("Kirjoita nimesi.")
    String invalidName();

    @Message("Tervetuloa, {name}!")
    String welcome(String name);

    @Message("Olet kirjautunut sisään. Aiempi asiointihistoriasi säilyy käyttäjätunnuksellasi.")
    String welcomeBody();

    @Message("Kirjaudu sisään käyttääksesi kaupungin sähköisiä palveluita.")
    String homeIntro();

    @Message("Omat tiedot")
    String accountTitle();

    @Message("Nimi")
    String name();

    @Message("Aiemmat käyttäjätunnukset")
    String legacyUsernames();

    @Message("Nykyinen salasana")
    String currentPassword();

    @Message("Nykyinen salasana on väärä.")
    String wrongCurrentPassword();

    @Message("Salasana on vaihdettu. Muilla laitteilla olevat kirjautumisesi päättyivät.")
    String passwordChangedHere();

    @Message("Ongelmatilanteissa ota yhteys tukeen:")
    String supportIntro();

    @Message("Palvelu on juuri nyt ruuhkautunut. Yritä hetken kuluttua uudelleen.")
    String busy();

    @Message("Jotain meni vikaan. Yritä hetken kuluttua uudelleen.")
    String somethingWentWrong();

    @Message("Palvelu ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.")
    String temporarilyUnavailable();

    @Message("Uloskirjautuminen ei onnistunut, joten olet yhä kirjautuneena. Yritä hetken kuluttua uudelleen.")
    String logoutFailed();

    @Message("Lomake vanheni tai sivu oli auki liian kauan. Avaa sivu uudelleen ja yritä uudestaan.")
    String formExpired();

    // The old username at the identifier step.

    @Message("Käyttäjätunnuksesi on nyt sähköpostiosoitteesi {maskedEmail}. Kirjaudu sisään kirjoittamalla se käyttäjätunnukseksi.")
    String usernameIsEmail(String maskedEmail);

    @Message("Käyttäjätunnuksesi on nyt sähköpostiosoitteesi {maskedEmail}. Siihen on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.")
    String usernameIsEmailLinkSent(String maskedEmail);

    @Message("Käyttäjätunnuksena toimii nyt sähköpostiosoitteesi. Jos kirjoitit vanhan kirjautumisjärjestelmän käyttäjätunnuksesi etkä ole vielä asettanut salasanaa, tietoihisi tallennettuun sähköpostiosoitteeseen on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.")
    String usernameMaybeEmail();

    // OpenID Connect: e-services that send the resident here to log in.

    @Message("Kirjautumispyyntö ei kelpaa. Palaa asiointipalveluun ja yritä uudelleen.")
    String loginRequestInvalid();

    @Message("Haluatko kirjautua ulos?")
    String logoutConfirmTitle();

    @Message("Kirjaudut ulos kaikista kaupungin asiointipalveluista, joihin kirjauduit tällä selaimella.")
    String logoutConfirmBody();

    @Message("Kirjaudu ulos")
    String logoutConfirmButton();

    @Message("Olet kirjautunut ulos.")
    String loggedOut();

    @Message("Et ole kirjautuneena sisään.")
    String notLoggedIn();

    // Accessibility: every page state its own title, errors named in it, the language menu in words.

    @Message("kielen valinta")
    String chooseLanguage();

    @Message("Virhe:")
    String errorPrefix();

    @Message("Käyttäjätunnus on sähköpostiosoitteesi.")
    String usernameHint();

    @Message("Etusivu")
    String homeTitle();

    @Message("Kirjautuminen: salasana")
    String passwordStepTitle();

    @Message("Kirjautuminen: linkki lähetetty")
    String linkSentTitle();

    @Message("Linkki tilattu")
    String forgotSentTitle();

    @Message("Käyttäjätunnuksen luonti: linkki lähetetty")
    String registrationSentTitle();

    @Message("Salasana vaihdettu")
    String passwordChangedTitle();

    @Message("Virhe")
    String errorTitle();

    // Account settings: name and language, sessions, recent activity.

    @Message("Nimi ja kieli")
    String profileTitle();

    @Message("Tallenna")
    String saveProfile();

    @Message("Tiedot tallennettu.")
    String profileSaved();

    @Message("Kirjautumiset")
    String sessionsTitle();

    @Message("Tämä selain")
    String thisBrowser();

    @Message("Selain")
    String browser();

    @Message("Kirjautunut")
    String sessionStarted();

    @Message("Viimeksi käytetty")
    String sessionLastUsed();

    @Message("IP-osoite")
    String clientAddress();

    /** Times as the resident reads them, in the language's own way ("klo 16.57" in Finnish). */
    @Message("d.M.yyyy 'klo' H.mm")
    String dateTimePattern();

    @Message("Kirjaudu ulos")
    String endSession();

    @Message("Kirjaudu ulos kaikilta muilta laitteilta")
    String endOtherSessions();

    @Message("Kirjautuminen lopetettu.")
    String sessionEnded();

    @Message("Olet kirjautunut ulos kaikilta muilta laitteilta.")
    String otherSessionsEnded();

    @Message("Tuntematon selain")
    String unknownBrowser();

    @Message("Viimeaikaiset tapahtumat")
    String activityTitle();

    @Message("Aika")
    String activityWhen();

    @Message("Tapahtuma")
    String activityWhat();

    @Message("Kirjautuminen")
    String activityLogin();

    @Message("Väärä salasana")
    String activityLoginFailed();

    @Message("Salasanalinkki lähetetty")
    String activityLinkSent();

    @Message("Salasanalinkki käytetty")
    String activityLinkUsed();

    @Message("Salasana asetettu")
    String activityPasswordSet();

    @Message("Uloskirjautuminen")
    String activitySessionEnded();

    @Message("Kirjautuminen asiointipalveluun")
    String activityEServiceLogin();

    @Message("Asiointipalvelun kirjautuminen katkaistiin turvallisuussyistä")
    String activityTokenReplayed();

    @Message("Nimi tai kieli muutettu")
    String activityProfileChanged();

    @Message("Muu tapahtuma")
    String activityOther();

    // A first password (a carried-over or new account) is set, not changed. The Finnish texts keep the
    // guide's words for the page (screen 5); the title and the Swedish and English say "set".

    @Message("Aseta salasana")
    String firstPasswordTitle();

    @Message("Voit vaihtaa salasanan syöttämällä uuden salasanan alla oleviin kenttiin. Salasanan vaihdon jälkeen voit kirjautua palveluun uudella salasanalla.")
    String firstPasswordIntro();

    @Message("Salasanan vaihto onnistui. Voit nyt kirjautua palveluun uudella salasanalla.")
    String firstPasswordSet();

    @Message("Salasana asetettu")
    String firstPasswordSetTitle();

    // Changing the email address (the username): account settings, then the link to the new address.

    @Message("Vaihda sähköpostiosoite")
    String emailChangeTitle();

    @Message("Sähköpostiosoite on käyttäjätunnuksesi. Lähetämme uuteen osoitteeseen vahvistuslinkin. Nykyinen osoitteesi toimii, kunnes vahvistat vaihdon.")
    String emailChangeHint();

    @Message("Uusi sähköpostiosoite")
    String newEmail();

    @Message("Lähetä vahvistuslinkki")
    String sendEmailChange();

    @Message("Vahvistuslinkki on lähetetty osoitteeseen {email}. Käyttäjätunnuksesi vaihtuu, kun avaat linkin ja vahvistat vaihdon.")
    String emailChangeSent(String email);

    @Message("Uusi osoite on sama kuin nykyinen käyttäjätunnuksesi.")
    String emailUnchanged();

    @Message("Tällä osoitteella on jo käyttäjätunnus, joten osoitetta ei vaihdettu.")
    String emailInUse();

    @Message("Vahvista uusi sähköpostiosoite")
    String confirmEmailTitle();

    @Message("Käyttäjätunnuksesi vaihdetaan osoitteesta {current} osoitteeseen {newEmail}. Vanhalla osoitteella ei voi enää kirjautua, kun vahvistat vaihdon.")
    String confirmEmailBody(String current, String newEmail);

    @Message("Vahvista vaihto")
    String confirmEmailChange();

    @Message("Sähköpostiosoite vaihdettu")
    String emailChangedTitle();

    @Message("Käyttäjätunnuksesi on nyt uusi sähköpostiosoitteesi. Kirjaudu jatkossa sillä. Vanhaan osoitteeseen lähetettiin tieto vaihdosta.")
    String emailChanged();

    @Message("Vahvistuslinkki toimii vain kerran ja rajatun ajan, ja uusi pyyntö korvaa aiemmat. Voit pyytää uuden linkin tilisi asetuksista.")
    String emailChangeUnusableBody();

    @Message("Tilin asetuksiin")
    String goToAccount();

    @Message("Sähköpostiosoitteen vaihtoa pyydetty")
    String activityEmailChangeRequested();

    @Message("Sähköpostiosoite vaihdettu")
    String activityEmailChanged();

    @Message("Kaupungin järjestelmä haki tilisi tiedot")
    String activityLookedUp();

    @Message("Kaupungin järjestelmä luki tilisi tapahtumat")
    String activityRead();

    @Message("Kirjaudu sisään käyttäjätunnuksella {current}, niin voit vahvistaa vaihdon.")
    String confirmEmailLogInFirst(String current);

    @Message("Linkki koskee toista käyttäjätunnusta.")
    String linkOfAnotherAccount();

    @Message("Linkki koskee käyttäjätunnusta {current}. Kirjaudu ulos ja kirjaudu sillä, niin voit vahvistaa vaihdon.")
    String linkOfAnotherAccountBody(String current);

    @Message("Peru käyttäjätunnuksen vaihto")
    String cancelEmailChangeTitle();

    @Message("Käyttäjätunnuksesi {current} vaihtamista sähköpostiosoitteeksi {newEmail} on pyydetty. Jos et pyytänyt sitä itse, peru vaihto.")
    String cancelEmailChangeBody(String current, String newEmail);

    @Message("Peru vaihto")
    String cancelEmailChangeButton();

    @Message("Vaihto peruttu")
    String emailChangeCancelledTitle();

    @Message("Käyttäjätunnuksesi pysyy ennallaan. Jos joku muu tietää salasanasi, vaihda se heti.")
    String emailChangeCancelled();

    @Message("Sivua ei löytynyt")
    String notFoundTitle();

    @Message("Osoitteessa ei ole sivua. Tarkista osoite tai aloita etusivulta.")
    String notFound();

    @Message("Toimintoa ei voi tehdä näin")
    String methodNotAllowedTitle();

    @Message("Sivu ei ota vastaan tällaista pyyntöä. Aloita etusivulta.")
    String methodNotAllowed();

    @Message("Etusivulle")
    String goToFrontPage();

    @Message("Saavutettavuusseloste")
    String accessibilityTitle();

    @Message("Kaupunki pyrkii siihen, että sähköinen asiointipalvelu on saavutettava kaikille. Tämä seloste kertoo, miten palvelu täyttää digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) vaatimukset, mitkä puutteet tiedetään ja miten voit antaa palautetta.")
    String accessibilityIntro();

    @Message("Saavutettavuuden tila")
    String accessibilityConformanceHeading();

    @Message("Palvelu täyttää WCAG 2.1 -ohjeistuksen AA-tason saavutettavuusvaatimukset.")
    String accessibilityConformsFully();

    @Message("Palvelu täyttää WCAG 2.1 -ohjeistuksen AA-tason saavutettavuusvaatimukset osittain.")
    String accessibilityConformsPartially();

    @Message("Palvelu ei vielä täytä WCAG 2.1 -ohjeistuksen AA-tason saavutettavuusvaatimuksia.")
    String accessibilityConformsNot();

    @Message("Tiedossa olevat puutteet")
    String accessibilityGapsHeading();

    @Message("Palvelun saavutettavuus on arvioitu {date}.")
    String accessibilityAssessed(String date);

    @Message("Palaute saavutettavuudesta")
    String accessibilityFeedbackHeading();

    @Message("Huomasitko puutteen saavutettavuudessa? Kerro siitä meille. Vastaamme 14 päivän kuluessa.")
    String accessibilityFeedback();

    @Message("Valvova viranomainen")
    String accessibilityAuthorityHeading();

    @Message("Jos et saa vastausta 14 päivän kuluessa tai vastaus ei tyydytä sinua, voit tehdä ilmoituksen valvovalle viranomaiselle.")
    String accessibilityAuthority();

    @Message("puh.")
    String phone();

    @Message("Salasana on löytynyt tietovuodoista julkaistuista salasanoista. Valitse toinen salasana.")
    String passwordBreached();

    @Message("Kirjautuminen uudelta selaimelta on tauolla. Voit silti kirjautua: lähetämme sähköpostiisi kertakäyttöisen koodin.")
    String loginCodeOffer();

    @Message("Lähetä kirjautumiskoodi")
    String sendLoginCode();

    @Message("Kirjautumiskoodi")
    String loginCodeTitle();

    @Message("Jos kirjautuminen tällä käyttäjätunnuksella on tauolla, sähköpostiisi on lähetetty kirjautumiskoodi. Kirjoita koodi ja salasanasi.")
    String loginCodeSent();

    @Message("Kirjautumiskoodi sähköpostista")
    String loginCodeLabel();

    @Message("Koodi on väärä, vanhentunut tai jo käytetty. Pyydä uusi koodi kirjautumalla uudelleen.")
    String loginCodeInvalid();

    // The second factor: an authenticator app (TOTP) and its recovery codes.

    @Message("Kaksivaiheinen tunnistautuminen")
    String secondFactorTitle();

    @Message("Avaa todennussovellus ja kirjoita sen näyttämä 6-numeroinen koodi. Jos puhelimesi ei ole käytettävissä, kirjoita yksi varakoodeistasi.")
    String secondFactorStepIntro();

    @Message("Todennussovelluksen koodi tai varakoodi")
    String secondFactorCodeLabel();

    @Message("Jatka")
    String secondFactorContinue();

    @Message("Koodi on väärä tai jo käytetty. Odota, että sovellus näyttää uuden koodin, ja yritä uudelleen.")
    String secondFactorCodeInvalid();

    @Message("Liian monta väärää koodia. Yritä uudelleen muutaman minuutin kuluttua.")
    String secondFactorPaused();

    @Message("Kirjautuminen ehti vanhentua. Kirjaudu uudelleen.")
    String loginFlowExpired();

    @Message("Asiointipalvelu, johon olet kirjautumassa, edellyttää kaksivaiheista tunnistautumista.")
    String secondFactorAskedByService();

    @Message("Kaksivaiheinen tunnistautuminen ei ole käytössä. Kun otat sen käyttöön, kirjautumiseen tarvitaan salasanan lisäksi todennussovelluksen (esimerkiksi Google Authenticator tai Microsoft Authenticator) näyttämä koodi.")
    String secondFactorOff();

    @Message("Kaksivaiheinen tunnistautuminen on käytössä: todennussovellus, otettu käyttöön {since}. Varakoodeja jäljellä: {left}.")
    String secondFactorOn(String since, int left);

    @Message("Ota käyttöön")
    String setUpSecondFactor();

    @Message("Poista käytöstä")
    String removeSecondFactor();

    @Message("Luo uudet varakoodit")
    String makeNewRecoveryCodes();

    @Message("Todennussovelluksen käyttöönotto")
    String secondFactorSetupTitle();

    @Message("Lue QR-koodi todennussovelluksella tai kirjoita alla oleva avain sovellukseen. Kirjoita sitten sovelluksen näyttämä 6-numeroinen koodi.")
    String secondFactorSetupSteps();

    @Message("Avain")
    String secondFactorKey();

    @Message("QR-koodi todennussovellukselle")
    String qrCodeLabel();

    @Message("Sovelluksen näyttämä koodi")
    String totpCodeLabel();

    @Message("Varakoodit")
    String recoveryCodesTitle();

    @Message("Tallenna nämä varakoodit turvalliseen paikkaan. Kukin koodi kelpaa kerran todennussovelluksen koodin sijaan, jos puhelimesi katoaa. Koodeja ei näytetä uudelleen.")
    String recoveryCodesIntro();

    @Message("Kaksivaiheinen tunnistautuminen on nyt käytössä.")
    String secondFactorTurnedOn();

    @Message("Uudet varakoodit ovat käytössä. Vanhat koodit eivät enää kelpaa.")
    String recoveryCodesReplaced();

    @Message("Olen tallentanut koodit")
    String recoveryCodesSaved();

    @Message("Kaksivaiheinen tunnistautuminen on poistettu käytöstä.")
    String secondFactorRemoved();

    @Message("Todennussovellus on jo käytössä. Poista se ensin, jos haluat vaihtaa sovellusta.")
    String secondFactorAlreadyOn();

    @Message("Kirjoita todennussovelluksen koodi tai varakoodi.")
    String secondFactorCodeRequired();

    @Message("Kaksivaiheinen tunnistautuminen otettiin käyttöön")
    String activitySecondFactorEnrolled();

    @Message("Kaksivaiheinen tunnistautuminen poistettiin käytöstä")
    String activitySecondFactorRemoved();

    @Message("Väärä todennussovelluksen koodi")
    String activitySecondFactorFailed();

    @Message("Varakoodi käytettiin")
    String activityRecoveryCodeUsed();

    @Message("Vain jos kaksivaiheinen tunnistautuminen on käytössä.")
    String secondFactorCodeIfOn();

    // Passkeys.

    @Message("Pääsyavaimet")
    String passkeysTitle();

    @Message("Pääsyavaimella kirjaudut ilman salasanaa: puhelimesi tai tietokoneesi kysyy sormenjälkesi, kasvosi tai PIN-koodisi.")
    String passkeysIntro();

    @Message("Sinulla ei ole vielä pääsyavaimia.")
    String noPasskeys();

    @Message("Pääsyavaimen nimi (esimerkiksi Oma puhelin)")
    String passkeyNameLabel();

    @Message("Lisää pääsyavain")
    String addPasskey();

    @Message("Luo pääsyavain")
    String passkeyCreateTitle();

    @Message("Valitse Luo pääsyavain. Laitteesi kysyy sormenjälkesi, kasvosi tai PIN-koodisi ja tallentaa avaimen.")
    String passkeyCreateSteps();

    @Message("Pääsyavaimet tarvitsevat selaimen, jossa JavaScript on käytössä.")
    String passkeyNeedsScript();

    @Message("Pääsyavain on lisätty.")
    String passkeyAdded();

    @Message("Pääsyavain on poistettu.")
    String passkeyRemoved();

    @Message("Pääsyavainta ei voitu käyttää. Yritä uudelleen tai kirjaudu salasanalla.")
    String passkeyFailed();

    @Message("Sinulla on jo niin monta pääsyavainta kuin voi olla. Poista ensin jokin niistä.")
    String passkeyLimit();

    @Message("Kirjaudu pääsyavaimella")
    String logInWithPasskey();

    @Message("lisätty {when}")
    String passkeyCreatedAt(String when);

    @Message("viimeksi käytetty {when}")
    String passkeyLastUsed(String when);

    @Message("ei vielä käytetty")
    String passkeyNeverUsed();

    @Message("Poista")
    String removePasskey();

    @Message("Pääsyavain lisättiin")
    String activityPasskeyAdded();

    @Message("Pääsyavain poistettiin")
    String activityPasskeyRemoved();

    @Message("Anna pääsyavaimelle nimi.")
    String passkeyNameRequired();

    // "It wasn't me": the link of a new-browser notice.

    @Message("Etkö se ollut sinä?")
    String secureAccountTitle();

    @Message("Käyttäjätunnuksella {email} kirjauduttiin selaimella, jota ei ole ennen käytetty. Jos se et ollut sinä, kirjaa ulos kaikki kirjautumiset: lähetämme sinulle linkin uuden salasanan asettamiseen.")
    String secureAccountBody(String email);

    @Message("Kirjaa ulos kaikkialta ja vaihda salasana")
    String secureAccountButton();

    @Message("Kaikki kirjautumiset lopetettu")
    String accountSecuredTitle();

    @Message("Kaikki kirjautumiset käyttäjätunnuksellasi on lopetettu. Sähköpostiisi on lähetetty linkki, jolla voit asettaa uuden salasanan.")
    String accountSecured();
}
