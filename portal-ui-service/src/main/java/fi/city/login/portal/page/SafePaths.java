package fi.city.login.portal.page;

/** Redirects go only to paths of this portal: an open redirect would make phishing links look like ours. */
public final class SafePaths {

    private SafePaths() {
    }

    public static String local(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }
}
