package fi.city.login.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) that accepts every message and keeps it for reading. */
public final class EmbeddedSmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts on the given port on localhost; 0 picks a free one. */
    public static EmbeddedSmtpServer start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        return new EmbeddedSmtpServer(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> messages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Waits up to the timeout until at least {@code count} messages have arrived. */
    public boolean awaitMessages(int count, long timeoutMillis) {
        return greenMail.waitForIncomingEmail(timeoutMillis, count);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
