package fi.city.login.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page on localhost that lists the emails the local SMTP server caught, newest first, with their
 * links clickable: where a newcomer reads the password link. Local development only.
 */
final class DevMailbox implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<\"]+");

    private final HttpServer server;
    private final EmbeddedSmtpServer smtp;

    private DevMailbox(HttpServer server, EmbeddedSmtpServer smtp) {
        this.server = server;
        this.smtp = smtp;
    }

    static DevMailbox start(int port, EmbeddedSmtpServer smtp) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DevMailbox mailbox = new DevMailbox(server, smtp);
            server.createContext("/", mailbox::list);
            server.start();
            return mailbox;
        } catch (IOException e) {
            throw new UncheckedIOException("the dev mailbox could not listen on port " + port, e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void list(HttpExchange exchange) throws IOException {
        List<MimeMessage> messages = new ArrayList<>(smtp.messages());
        Collections.reverse(messages);
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Dev mailbox</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto}article{border:1px solid #ccc;
                padding:.5rem 1rem;margin:1rem 0}pre{white-space:pre-wrap}</style></head><body>
                <h1>Dev mailbox</h1><p>Every email the local suite sent, newest first. Refreshes itself.</p>
                """);
        if (messages.isEmpty()) {
            html.append("<p id=\"empty\">No email yet.</p>");
        }
        for (MimeMessage message : messages) {
            html.append(render(message));
        }
        html.append("</body></html>");
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String render(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            String text = EmbeddedSmtpServer.part(message, "text/plain");
            return "<article><p><b>" + escape(message.getSubject()) + "</b><br>To: "
                    + escape(Arrays.toString(message.getAllRecipients())) + "<br>From: "
                    + escape(Arrays.toString(message.getFrom())) + "<br>"
                    + (sent == null ? "" : new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(sent))
                    + "</p><pre>" + linkify(escape(text == null ? "" : text)) + "</pre></article>";
        } catch (MessagingException e) {
            return "<article>unreadable message: " + escape(e.getMessage()) + "</article>";
        }
    }

    private static String linkify(String escaped) {
        Matcher matcher = URL.matcher(escaped);
        return matcher.replaceAll(match -> "<a href=\"" + Matcher.quoteReplacement(match.group()) + "\">"
                + Matcher.quoteReplacement(match.group()) + "</a>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
