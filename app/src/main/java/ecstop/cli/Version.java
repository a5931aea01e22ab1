package ecstop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What Maven wrote into ecstop/version.properties at build time: the version, the git commit
 * it was built from and the AWS SDK version. Read from the file, not from the SDK's classes,
 * so --version loads none of them.
 */
public final class Version implements IVersionProvider {
    public static String current() {
        return property("version", "dev");
    }

    /** The commit the jar was built from; "unknown" when the build had no git. */
    static String commit() {
        return property("commit", "unknown");
    }

    static String awsSdk() {
        return property("aws-sdk", "unknown");
    }

    private static String property(String key, String fallback) {
        try (InputStream in = Version.class.getResourceAsStream("/ecstop/version.properties")) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty(key, "").strip();
            // unfiltered (a build that skipped resource filtering): say so rather than print "${...}"
            return v.isEmpty() || v.startsWith("${") ? fallback : v;
        } catch (IOException e) {
            return fallback;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ecs-top " + current(),
            "commit " + commit(),
            "AWS SDK for Java " + awsSdk(),
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + ")"};
    }
}
