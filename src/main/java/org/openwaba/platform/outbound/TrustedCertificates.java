package org.openwaba.platform.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.springframework.core.io.Resource;

/**
 * A TLS context that trusts the JVM's certificate authorities and, in addition, the certificates of
 * a PEM file: for media hosts and webhook receivers behind a private CA (and for tests), without
 * replacing the JVM's trust store for the whole process.
 */
final class TrustedCertificates {

  private TrustedCertificates() {}

  static SSLContext context(Resource pem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (X509Certificate authority : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("jvm-" + index++, authority);
      }
      Collection<? extends Certificate> extra;
      try (InputStream in = pem.getInputStream()) {
        extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (extra.isEmpty()) {
        throw new IllegalStateException(
            "openwaba.platform.outbound.trusted-certificates holds no certificate: " + pem);
      }
      for (Certificate certificate : extra) {
        store.setCertificateEntry("extra-" + index++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read openwaba.platform.outbound.trusted-certificates " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "openwaba.platform.outbound.trusted-certificates " + pem + " is not PEM certificates", e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JVM has no X.509 trust manager");
  }
}
