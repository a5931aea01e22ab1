package ecstop.aws;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PEM bundle of CA certificates that TLS to AWS is checked against instead of the Java
 * runtime's own store, as the AWS CLI does with AWS_CA_BUNDLE or a profile's ca_bundle:
 * what a proxy that inspects TLS needs, whose certificates its own CA signs.
 */
final class CaBundle {
    private CaBundle() {}

    /** @param origin where the path came from, for the error line ("AWS_CA_BUNDLE", "ca_bundle in profile 'x'") */
    static Either<String, TrustManager[]> load(Path file, String origin) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            return Either.left(origin + ": " + file + " does not exist");
        } catch (IOException e) {
            return Either.left(origin + ": cannot read " + file + " (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            return Either.left(origin + ": " + file + " is not a PEM bundle of certificates (" + Failures.oneLine(e.getMessage()) + ")");
        }
        if (certificates.isEmpty()) {
            return Either.left(origin + ": " + file + " holds no certificates");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Either.right(factory.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            return Either.left(origin + ": cannot trust the certificates in " + file + " (" + Failures.oneLine(e.getMessage()) + ")");
        }
    }
}
