package fi.city.login.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;

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

    /** The first part of the given MIME type (text/plain, text/html) of a message, decoded. */
    public static String part(Part message, String mimeType) {
        try {
            if (message.isMimeType(mimeType)) {
                // SMTP carries text with CRLF line ends; readers compare with \n.
                return ((String) message.getContent()).replace("\r\n", "\n");
            }
            if (message.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) message.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart bodyPart = multipart.getBodyPart(i);
                    String found = part(bodyPart, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }
}
