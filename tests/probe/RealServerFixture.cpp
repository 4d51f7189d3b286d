#include "RealServerFixture.h"

#include "probe/ProbeInputs.h"

#include <QRegularExpression>

using namespace mtls;

bool RealServerFixture::init(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    m_pki = std::make_unique<TestPki>(m_dir.path());
    const QStringList localhost {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
    TestPki::Options expired;
    expired.validFromDays = -60;
    expired.validToDays = -2;
    const bool ok = m_pki->makeCa(QStringLiteral("serverca"), QStringLiteral("Probe Test Server CA"))
        && m_pki->makeCa(QStringLiteral("chatca"), QStringLiteral("Stand-in Chat Client CA"))
        && m_pki->makeCa(QStringLiteral("otherca"), QStringLiteral("Some Other Client CA"))
        && m_pki->makeServer(QStringLiteral("server"), localhost, QStringLiteral("serverca"))
        && m_pki->makeServer(QStringLiteral("othername"), {QStringLiteral("www.example.org")},
                             QStringLiteral("serverca"))
        && m_pki->makeServer(QStringLiteral("expired"), localhost, QStringLiteral("serverca"), expired)
        && m_pki->makeClient(QStringLiteral("client"), QStringLiteral("chat-caller"), QStringLiteral("chatca"))
        && m_pki->makeClient(QStringLiteral("otherclient"), QStringLiteral("stranger"), QStringLiteral("otherca"));
    if (!ok) {
        *error = m_pki->lastError();
        return false;
    }
    // The Chat client CA as users download it: TencentQQAuthCA.crt.zip.
    const ProcessResult zip = runProcess(QStringLiteral("zip"),
                                         {QStringLiteral("-jq"), m_pki->path(QStringLiteral("chatca.crt.zip")),
                                          m_pki->path(QStringLiteral("chatca.crt"))});
    if (zip.exitCode != 0) {
        *error = QStringLiteral("zip failed: ") + QString::fromLocal8Bit(zip.err);
        return false;
    }
    return true;
}

Certificate RealServerFixture::certificate(const QString& name) const
{
    auto certs = readCertificatesFile(m_pki->path(name + QStringLiteral(".crt")));
    return certs ? certs->first() : Certificate();
}

PrivateKey RealServerFixture::key(const QString& name) const
{
    auto k = readPrivateKeyFile(m_pki->path(name + QStringLiteral(".key")));
    return k ? k.value() : PrivateKey();
}

QString RealServerFixture::siteConfig(ServerKind kind, quint16 port, quint16 upstreamPort, const SiteSpec& spec) const
{
    const QString cert = m_pki->path(spec.serverCert + QStringLiteral(".crt"));
    const QString key = m_pki->path(spec.serverCert + QStringLiteral(".key"));
    const QString ca = m_pki->path(spec.clientCa + QStringLiteral(".crt"));
    QString text;
    if (kind == ServerKind::Nginx) {
        text = QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                              "    ssl_certificate %2;\n    ssl_certificate_key %3;\n")
                   .arg(port)
                   .arg(cert, key);
        if (!spec.protocols.isEmpty())
            text += QStringLiteral("    ssl_protocols %1;\n").arg(spec.protocols);
        if (spec.weakCiphers)
            text += QStringLiteral("    ssl_ciphers DEFAULT:@SECLEVEL=0;\n");
        if (spec.verify != QLatin1String("none"))
            text += QStringLiteral("    ssl_client_certificate %1;\n    ssl_verify_client %2;\n")
                        .arg(ca, spec.verify == QLatin1String("require") ? QStringLiteral("on") : spec.verify);
        text += QStringLiteral("    location / { proxy_pass http://127.0.0.1:%1; }\n}\n").arg(upstreamPort);
        return text;
    }
    text = QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    ServerName localhost\n    SSLEngine on\n"
                          "    SSLCertificateFile %2\n    SSLCertificateKeyFile %3\n")
               .arg(port)
               .arg(cert, key);
    if (!spec.protocols.isEmpty()) {
        QString protocols = QStringLiteral("-all");
        for (const QString& p : spec.protocols.split(QLatin1Char(' ')))
            protocols += QStringLiteral(" +") + p;
        text += QStringLiteral("    SSLProtocol %1\n").arg(protocols);
    }
    if (spec.weakCiphers)
        text += QStringLiteral("    SSLCipherSuite DEFAULT:@SECLEVEL=0\n");
    if (spec.verify != QLatin1String("none"))
        text += QStringLiteral("    SSLCACertificateFile %1\n    SSLVerifyClient %2\n    SSLVerifyDepth 2\n")
                    .arg(ca, spec.verify);
    text += QStringLiteral("    ProxyPass / http://127.0.0.1:%1/\n    ProxyPassReverse / http://127.0.0.1:%1/\n"
                           "</VirtualHost>\n")
                .arg(upstreamPort);
    return text;
}

ProbeOptions RealServerFixture::probeOptions(quint16 port, const QString& clientName) const
{
    ProbeOptions o;
    o.url = QUrl(QStringLiteral("https://localhost:%1/im/callback?SdkAppid=1400000000").arg(port));
    o.serverCas = {certificate(QStringLiteral("serverca"))};
    o.expectedClientCa = certificate(QStringLiteral("chatca"));
    if (!clientName.isEmpty()) {
        o.clientCertificate = certificate(clientName);
        o.clientKey = key(clientName);
    }
    o.timeoutMs = 10000;
    return o;
}

CurlView RealServerFixture::curl(quint16 port, bool insecure, const QString& clientName) const
{
    QStringList args {QStringLiteral("-sS"),
                      QStringLiteral("-o"),
                      QStringLiteral("/dev/null"),
                      QStringLiteral("-w"),
                      QStringLiteral("%{http_code}"),
                      QStringLiteral("--max-time"),
                      QStringLiteral("10"),
                      QStringLiteral("--resolve"),
                      QStringLiteral("localhost:%1:127.0.0.1").arg(port),
                      QStringLiteral("--cacert"),
                      m_pki->path(QStringLiteral("serverca.crt")),
                      QStringLiteral("-H"),
                      QStringLiteral("Content-Type: application/json"),
                      QStringLiteral("--data"),
                      QStringLiteral("{}")};
    if (insecure)
        args << QStringLiteral("-k");
    if (!clientName.isEmpty())
        args << QStringLiteral("--cert") << m_pki->path(clientName + QStringLiteral(".crt")) << QStringLiteral("--key")
             << m_pki->path(clientName + QStringLiteral(".key"));
    args << QStringLiteral("https://localhost:%1/im/callback?SdkAppid=1400000000").arg(port);
    const ProcessResult r = runProcess(QStringLiteral("curl"), args, QProcessEnvironment::systemEnvironment(), 20000);
    CurlView view;
    view.exitCode = r.finished ? r.exitCode : -1;
    bool ok = false;
    const int status = r.out.trimmed().toInt(&ok);
    view.httpStatus = ok && status > 0 ? status : -1;
    return view;
}

SClientView RealServerFixture::sClient(quint16 port) const
{
    const ProcessResult r = runProcess(
        QStringLiteral("openssl"),
        {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
         QStringLiteral("-servername"), QStringLiteral("localhost"), QStringLiteral("-CAfile"),
         m_pki->path(QStringLiteral("serverca.crt")), QStringLiteral("-verify_hostname"), QStringLiteral("localhost")},
        QProcessEnvironment::systemEnvironment(), 20000);
    SClientView view;
    const QString out = QString::fromUtf8(r.out);
    view.connected = out.contains(QLatin1String("CONNECTED("));
    const auto version = QRegularExpression(QStringLiteral("New, (TLSv1(\\.\\d)?), Cipher is")).match(out);
    if (version.hasMatch())
        view.protocol = version.captured(1);
    view.verified = out.contains(QLatin1String("Verification: OK"));
    const qsizetype at = out.indexOf(QLatin1String("Acceptable client certificate CA names\n"));
    if (at >= 0) {
        view.caNamesSent = true;
        const QStringList lines = out.mid(at).split(QLatin1Char('\n'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(QLatin1String("Client Certificate Types"))
                || lines.at(i).startsWith(QLatin1String("Requested Signature"))
                || lines.at(i).startsWith(QLatin1String("---")))
                break;
            view.caNames << QString(lines.at(i)).replace(QStringLiteral(" = "), QStringLiteral("="));
        }
    }
    return view;
}
