package fi.city.login.stack;

import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * axe-core, the accessibility rules engine, from the npm registry: fetched once into {@code target/},
 * checked against the registry's published SHA-1, injected into the page under test, and run with the
 * WCAG 2.1 A and AA rules. An answer lists each violation with the elements it found.
 */
final class Axe {

    static final String VERSION = "4.14.1";
    private static final String TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz";
    private static final String SHA1 = "14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99";
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): '
                  + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\\n')))
              .catch(e => done('axe failed: ' + e));
            """;

    private static String source;

    private Axe() {
    }

    /** The violations on the browser's current page, one a line; empty when there are none. */
    static String violations(ChromeDriver browser) throws Exception {
        browser.executeScript(source());
        return String.valueOf(browser.executeAsyncScript(RUN));
    }

    private static synchronized String source() throws Exception {
        if (source == null) {
            source = axeMinJs(tarball());
        }
        return source;
    }

    private static byte[] tarball() throws Exception {
        Path cached = Path.of("target", "axe-core-" + VERSION + ".tgz");
        if (!Files.isRegularFile(cached) || !SHA1.equals(sha1(Files.readAllBytes(cached)))) {
            HttpResponse<byte[]> fetched = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(TARBALL)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (fetched.statusCode() != 200 || !SHA1.equals(sha1(fetched.body()))) {
                throw new IllegalStateException("axe-core " + VERSION + " from the npm registry: " + fetched.statusCode()
                        + ", not the published package");
            }
            Files.createDirectories(cached.getParent());
            Files.write(cached, fetched.body());
        }
        return Files.readAllBytes(cached);
    }

    /** package/axe.min.js out of the tarball (a plain ustar archive: 512-byte headers, octal sizes). */
    private static String axeMinJs(byte[] tgz) throws IOException {
        try (InputStream tar = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] content = tar.readNBytes((int) size);
                tar.skipNBytes((512 - size % 512) % 512);
                if (name.equals("package/axe.min.js")) {
                    return new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no package/axe.min.js in axe-core " + VERSION);
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
