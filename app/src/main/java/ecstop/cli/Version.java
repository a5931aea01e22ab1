package ecstop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into ecstop/version.properties at build time. */
public final class Version implements IVersionProvider {
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/ecstop/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ecs-top " + current()};
    }
}
