package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private certificate authority made with the JDK's keytool, offline: its certificate as
 * a PEM bundle (what AWS_CA_BUNDLE names) and a PKCS#12 key store with a server key and
 * the certificate the CA signed for 127.0.0.1 (what the emulator serves).
 */
record TestCa(Path caPem, Path serverKeyStore, char[] password) {
    private static final String PASSWORD = "changeit";

    static TestCa create(Path dir) {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.crt");
        Path pem = dir.resolve("ca.pem");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=ecs-top test CA", "-ext", "bc:c", "-keystore", ca.toString());
        keytool(dir, "-exportcert", "-alias", "ca", "-rfc", "-keystore", ca.toString(), "-file", pem.toString());
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-keystore", server.toString());
        keytool(dir, "-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", crt.toString(), "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost");
        keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-keystore", server.toString(), "-file", pem.toString());
        keytool(dir, "-importcert", "-alias", "server", "-keystore", server.toString(), "-file", crt.toString());
        return new TestCa(pem, server, PASSWORD.toCharArray());
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Processes.Result r = Processes.run(command, Map.of("PATH", "/usr/bin:/bin"), dir, 60);
        assertThat(r.exit()).as("keytool %s: %s", String.join(" ", args), r.describe()).isZero();
    }
}
