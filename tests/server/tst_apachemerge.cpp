// Merge mode on Apache (ApacheSiteMerge): the lines added to an existing HTTPS site, judged by the real Apache and
// real clients (curl, openssl s_client): the website answers as before, the webhook path asks for Chat's client
// certificate, TLS 1.3 and HTTP/2 keep working; and the refusals, on the files as users have them.

#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ApacheConfigParser.h"
#include "server/ApacheSiteMerge.h"
#include "server/ThrowawayServer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using namespace mtls::apacheconf;

namespace {

const QString kPath = QStringLiteral("/im/callback");
const QString kQuery = QStringLiteral("?SdkAppid=1400000000&CallbackCommand=State.StateChange&contenttype=json");

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Parses `text` as PATH, finds the host on `line` and what applies in it (no includes to follow).
struct Site
{
    Result<File> file = Error {QString()};
    const Directive* host = nullptr;
    QList<Placed> effective;
};

Site parseSite(const QString& path, const QByteArray& text, int line, const QString& serverRoot = QStringLiteral("/"))
{
    Site site;
    site.file = parse(path, text);
    if (!site.file)
        return site;
    site.host = virtualHostAt(*site.file, line);
    if (!site.host)
        return site;
    const FileLoader load = [](const QString& included) -> Result<File> { return parse(included, readFile(included)); };
    auto effective
        = effectiveDirectives(*site.file, *site.host, serverRoot, load, [](const QString&) { return QStringList(); });
    if (effective)
        site.effective = *effective;
    return site;
}

QStringList codes(const Findings& findings)
{
    QStringList result;
    for (const Finding& f : findings)
        result << f.code;
    return result;
}

} // namespace

class TestApacheMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void websiteUnchangedWebhookVerified_data();
    void websiteUnchangedWebhookVerified();
    void refusals_data();
    void refusals();
    void replaceLocation();
    void applyMergeAndRollBack();

private:
    ApacheMergeSpec spec() const;
    void checkMerged(const QByteArray& homeBefore);
    ProcessResult apply(const QStringList& extra) const;
    QByteArray siteText(bool baota) const;

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<ThrowawayServer> m_server;
    quint16 m_port = 0;
    QTemporaryDir m_state; // the apply history
};

void TestApacheMerge::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_port = freeLoopbackPort();
    ThrowawayServerOptions options;
    options.kind = ServerKind::Apache;
    options.port = m_port;
    options.extraApacheModules = {QStringLiteral("http2")};
    options.siteConfig = QStringLiteral("# replaced by each case\n");
    m_server = std::make_unique<ThrowawayServer>(options);
    const Status prepared = m_server->prepare();
    QVERIFY2(prepared, qPrintable(prepared.error().fullText()));
    QVERIFY(writeFile(m_server->prefix() + QStringLiteral("/htdocs/index.html"), "the website\n"));
    QFile::setPermissions(m_server->prefix() + QStringLiteral("/htdocs/index.html"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    // certbot's options file, included from inside the host.
    QVERIFY(writeFile(m_server->prefix() + QStringLiteral("/options-ssl-apache.conf"),
                      "SSLEngine on\nSSLProtocol all -SSLv2 -SSLv3 -TLSv1 -TLSv1.1\nSSLHonorCipherOrder off\n"
                      "SSLSessionTickets off\nSSLOptions +StrictRequire\n"));
    QVERIFY(m_server->setSiteConfig(QString::fromUtf8(siteText(false))));
    const Status started = m_server->start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
}

ApacheMergeSpec TestApacheMerge::spec() const
{
    ApacheMergeSpec s;
    s.clientCaPath = m_fixture.path(QStringLiteral("chatca.crt"));
    s.webhookPath = kPath;
    s.upstream = *configsyntax::parseUpstreamUrl(m_upstream.url());
    return s;
}

// A certbot-style site (LF, the options file included, HTTP/2 on) or a BaoTa-style one (CRLF, its comments, a
// comment in GBK), serving the website from htdocs.
QByteArray TestApacheMerge::siteText(bool baota) const
{
    const QByteArray cert = m_fixture.path(QStringLiteral("fullchain.pem")).toUtf8();
    const QByteArray key = m_fixture.path(QStringLiteral("server.key")).toUtf8();
    const QByteArray port = QByteArray::number(m_port);
    if (!baota)
        return "<IfModule mod_ssl.c>\n"
               "<VirtualHost 127.0.0.1:"
            + port
            + ">\n"
              "    ServerName localhost\n"
              "    DocumentRoot htdocs\n"
              "    Protocols h2 http/1.1\n"
              "    <Directory htdocs>\n"
              "        Require all granted\n"
              "    </Directory>\n"
              "\n"
              "Include options-ssl-apache.conf\n"
              "SSLCertificateFile "
            + cert + "\nSSLCertificateKeyFile " + key
            + "\n"
              "</VirtualHost>\n"
              "</IfModule>\n";
    return "<VirtualHost 127.0.0.1:" + port
        + ">\r\n"
          "    ServerAdmin webmaster@example.com\r\n"
          "    DocumentRoot \"htdocs\"\r\n"
          "    ServerName SSL.localhost\r\n"
          "    ServerAlias localhost\r\n"
          "    # \xc9\xcf\xb4\xab\xb5\xc4\xd6\xa4\xca\xe9\r\n"
          "    #SSL\r\n"
          "    SSLEngine On\r\n"
          "    SSLCertificateFile "
        + cert + "\r\n    SSLCertificateKeyFile " + key
        + "\r\n"
          "    SSLProtocol All -SSLv2 -SSLv3 -TLSv1\r\n"
          "    SSLHonorCipherOrder On\r\n"
          "    Protocols h2 http/1.1\r\n"
          "    #PATH\r\n"
          "    <Directory \"htdocs\">\r\n"
          "        Options FollowSymLinks\r\n"
          "        Require all granted\r\n"
          "    </Directory>\r\n"
          "</VirtualHost>\r\n";
}

void TestApacheMerge::websiteUnchangedWebhookVerified_data()
{
    QTest::addColumn<bool>("baota");
    QTest::addColumn<int>("hostLine");
    QTest::newRow("certbot-style site") << false << 2;
    QTest::newRow("BaoTa-style site") << true << 1;
}

void TestApacheMerge::websiteUnchangedWebhookVerified()
{
    QFETCH(bool, baota);
    QFETCH(int, hostLine);
    const QByteArray original = siteText(baota);
    const QString sitePath = m_server->siteConfigPath();
    QVERIFY(writeFile(sitePath, original));
    QVERIFY(m_server->reload());
    const ProcessResult homeBefore = m_fixture.curl(m_port, QStringLiteral("/"), QString());
    QCOMPARE(homeBefore.out, QByteArray("the website\n\n200"));
    const ProcessResult webhookBefore = m_fixture.curl(m_port, kPath, QString());

    const Site site = parseSite(sitePath, original, hostLine, m_server->prefix());
    QVERIFY2(site.file, qPrintable(site.file.error().message));
    QVERIFY(site.host);
    QVERIFY(site.effective.size() > 5);
    QCOMPARE(codes(apacheMergeConflicts(*site.file, *site.host, site.effective, spec())), QStringList());
    const auto merged = mergeIntoApacheHost(*site.file, *site.host, site.effective, spec());
    QVERIFY2(merged, qPrintable(merged.error().message));
    QVERIFY(writeFile(sitePath, *merged));
    const Status reloaded = m_server->reload();
    QVERIFY2(reloaded, qPrintable(reloaded.error().fullText()));

    // Every byte of the user's file is kept: taking the block out gives the original back.
    const qsizetype begin = merged->indexOf("    # mTLS Assistant begin");
    const qsizetype end = merged->indexOf("# mTLS Assistant end");
    QVERIFY(begin > 0 && end > begin);
    const qsizetype after = merged->indexOf('\n', end) + 1;
    QCOMPARE(QByteArray(*merged).remove(begin, after - begin), original);
    QCOMPARE(merged->count("\r\n") > 0, baota); // the file's own line ends
    QCOMPARE(merged->count('\n') - original.count('\n'), merged->mid(begin, after - begin).count('\n'));

    checkMerged(homeBefore.out);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(webhookBefore.out.endsWith("\n404"));

    // Applying again changes nothing.
    const Site again = parseSite(sitePath, *merged, hostLine, m_server->prefix());
    QVERIFY(again.file && again.host);
    QVERIFY(hasApacheMergeBlock(*again.file, *again.host));
    QCOMPARE(codes(apacheMergeConflicts(*again.file, *again.host, again.effective, spec())), QStringList());
    const auto twice = mergeIntoApacheHost(*again.file, *again.host, again.effective, spec());
    QVERIFY(twice);
    QCOMPARE(*twice, *merged);
}

// Judged by real clients: the website answers as before (`homeBefore`), over HTTP/1.1 and HTTP/2 and TLS 1.3; the
// webhook path answers 403 without a client certificate, refuses another CA's, and passes Chat's to the application.
void TestApacheMerge::checkMerged(const QByteArray& homeBefore)
{
    // The website: as before, without a client certificate, over HTTP/1.1 and HTTP/2, TLS 1.3.
    QCOMPARE(m_fixture.curl(m_port, QStringLiteral("/"), QString()).out, homeBefore);
    const ProcessResult h2 = m_fixture.curl(m_port, QStringLiteral("/"), QString(),
                                            {QStringLiteral("--http2"), QStringLiteral("--tlsv1.3"),
                                             QStringLiteral("-w"), QStringLiteral("\\n%{http_code} %{http_version}")});
    QCOMPARE(h2.out, QByteArray("the website\n\n200 2"));
    QCOMPARE(m_fixture.curl(m_port, QStringLiteral("/other.html"), QString()).out.right(4), QByteArray("\n404"));

    // The webhook path: 403 without a certificate; a certificate from another CA is refused in the handshake (no
    // HTTP answer at all). Neither reaches the application.
    const int before = m_upstream.requestCount();
    const ProcessResult none = m_fixture.curl(m_port, kPath + kQuery, QString());
    QVERIFY2(none.out.endsWith("\n403"), none.out.constData());
    const ProcessResult intruder = m_fixture.curl(m_port, kPath + kQuery, QStringLiteral("intruder"));
    QVERIFY2(intruder.exitCode != 0 && intruder.out.endsWith("000"),
             qPrintable(QString::number(intruder.exitCode) + QString::fromLocal8Bit(intruder.out + intruder.err)));
    QCOMPARE(m_upstream.requestCount(), before);

    // Chat's certificate reaches the application, over HTTP/2 and TLS 1.3, with the verification headers.
    const ProcessResult chat = m_fixture.curl(m_port, kPath + kQuery, QStringLiteral("chat"),
                                              {QStringLiteral("--http2"), QStringLiteral("--tlsv1.3"),
                                               QStringLiteral("-H"), QStringLiteral("X-Client-Verify: FORGED"),
                                               QStringLiteral("--data-binary"), QStringLiteral("{}")});
    QVERIFY2(chat.exitCode == 0, chat.err.constData());
    QCOMPARE(chat.out, WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(m_upstream.waitForRequests(before + 1, 5000));
    const WebhookRequest got = m_upstream.requests().constLast();
    QCOMPARE(got.target, (kPath + kQuery).toUtf8());
    QCOMPARE(got.header("X-Client-Verify"), QByteArray("SUCCESS"));
    QVERIFY2(got.header("X-Client-Issuer").contains("CN=Test Chat Client CA"),
             got.header("X-Client-Issuer").constData());

    // The handshake names Chat's CA; browsers holding no such certificate are not prompted for one by the website.
    const ProcessResult names = m_fixture.sClient(m_port, QString());
    QVERIFY2(names.out.contains("CN = Test Chat Client CA"), names.out.constData());
}

void TestApacheMerge::refusals_data()
{
    QTest::addColumn<QByteArray>("inside");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("the site requires client certificates")
        << QByteArray("SSLVerifyClient require\nSSLCACertificateFile /etc/ssl/partners.pem\n")
        << QStringLiteral("MERGE_CLIENT_VERIFICATION")
        << QStringLiteral("already asks callers for client certificates (SSLVerifyClient require, trusting "
                          "/etc/ssl/partners.pem)");
    QTest::newRow("optional_no_ca") << QByteArray("SSLVerifyClient optional_no_ca\n")
                                    << QStringLiteral("MERGE_CLIENT_VERIFICATION")
                                    << QStringLiteral("(SSLVerifyClient optional_no_ca)");
    QTest::newRow("optional with another CA")
        << QByteArray("SSLVerifyClient optional\nSSLCACertificatePath /etc/ssl/partners\n")
        << QStringLiteral("MERGE_CLIENT_VERIFICATION") << QStringLiteral("trusting /etc/ssl/partners");
    QTest::newRow("client certificates in a Location")
        << QByteArray("<Location /admin>\nSSLVerifyClient require\n</Location>\n")
        << QStringLiteral("MERGE_CLIENT_VERIFICATION")
        << QStringLiteral("site.conf:5 asks for client certificates inside <Location> (SSLVerifyClient require)");
    QTest::newRow("a Location owns the path")
        << QByteArray("<Location /im/callback/>\nRequire all granted\n</Location>\n")
        << QStringLiteral("MERGE_LOCATION_EXISTS")
        << QStringLiteral("site.conf:5 already decides what /im/callback serves (<Location> /im/callback/).");
    QTest::newRow("a LocationMatch owns the path")
        << QByteArray("<LocationMatch \"^/im/\">\nRequire all denied\n</LocationMatch>\n")
        << QStringLiteral("MERGE_LOCATION_EXISTS") << QStringLiteral("(<LocationMatch> ^/im/)");
    QTest::newRow("a ProxyPass owns the path")
        << QByteArray("ProxyPass /im http://127.0.0.1:9000/im\n") << QStringLiteral("MERGE_LOCATION_EXISTS")
        << QStringLiteral("(ProxyPass /im http://127.0.0.1:9000/im)");
    QTest::newRow("the same CA, optional: no refusal")
        << QByteArray("SSLVerifyClient optional\nSSLCACertificateFile CHATCA\n") << QString() << QString();
    QTest::newRow("ProxyPass of the whole site: no refusal")
        << QByteArray("ProxyPass / http://127.0.0.1:9000/\n") << QString() << QString();
    QTest::newRow("Location of another path: no refusal")
        << QByteArray("<Location /im/callbacks>\nRequire all denied\n</Location>\n") << QString() << QString();
}

void TestApacheMerge::refusals()
{
    QFETCH(QByteArray, inside);
    QFETCH(QString, code);
    QFETCH(QString, message);
    inside.replace("CHATCA", m_fixture.path(QStringLiteral("chatca.crt")).toUtf8());
    const QByteArray text
        = "<VirtualHost *:443>\nServerName www.example.com\nSSLEngine on\n\n" + inside + "</VirtualHost>\n";
    const Site site = parseSite(QStringLiteral("site.conf"), text, 1);
    QVERIFY(site.file && site.host);
    const Findings findings = apacheMergeConflicts(*site.file, *site.host, site.effective, spec());
    if (code.isEmpty()) {
        QCOMPARE(codes(findings), QStringList());
        return;
    }
    QCOMPARE(codes(findings), QStringList {code});
    QVERIFY2(findings.first().message.contains(message), qPrintable(findings.first().message));
    QCOMPARE(findings.first().severity, Severity::Error);
    QVERIFY(!findings.first().hint.isEmpty());
}

// With replaceLocation, the lines that owned the path become comments (and the real Apache accepts the result).
void TestApacheMerge::replaceLocation()
{
    QByteArray original = siteText(false);
    original.replace("</VirtualHost>",
                     "    <Location /im/callback>\n        Require all granted\n    </Location>\n"
                     "    # a comment of the user's\n</VirtualHost>");
    const QString sitePath = m_server->siteConfigPath();
    QVERIFY(writeFile(sitePath, original));
    QVERIFY(m_server->reload());
    const Site site = parseSite(sitePath, original, 2, m_server->prefix());
    QVERIFY(site.file && site.host);
    QCOMPARE(codes(apacheMergeConflicts(*site.file, *site.host, site.effective, spec())),
             QStringList {QStringLiteral("MERGE_LOCATION_EXISTS")});
    ApacheMergeSpec replacing = spec();
    replacing.replaceLocation = true;
    QCOMPARE(codes(apacheMergeConflicts(*site.file, *site.host, site.effective, replacing)), QStringList());
    const auto merged = mergeIntoApacheHost(*site.file, *site.host, site.effective, replacing);
    QVERIFY2(merged, qPrintable(merged.error().message));
    QVERIFY2(merged->contains("# mTLS Assistant replaced:     <Location /im/callback>\n"
                              "# mTLS Assistant replaced:         Require all granted\n"
                              "# mTLS Assistant replaced:     </Location>\n"
                              "    # a comment of the user's\n"),
             merged->constData());
    QVERIFY(writeFile(sitePath, *merged));
    const Status reloaded = m_server->reload();
    QVERIFY2(reloaded, qPrintable(reloaded.error().fullText()));
    QVERIFY(m_fixture.curl(m_port, kPath, QString()).out.endsWith("\n403"));
    // Applying again: nothing left to replace, nothing changes.
    const Site again = parseSite(sitePath, *merged, 2, m_server->prefix());
    QVERIFY(again.file && again.host);
    const auto twice = mergeIntoApacheHost(*again.file, *again.host, again.effective, replacing);
    QVERIFY(twice);
    QCOMPARE(*twice, *merged);
}

ProcessResult TestApacheMerge::apply(const QStringList& extra) const
{
    return runCli(QStringList {QStringLiteral("apply"),
                               QStringLiteral("--server"),
                               QStringLiteral("apache"),
                               QStringLiteral("--domain"),
                               QStringLiteral("localhost"),
                               QStringLiteral("--client-ca"),
                               m_fixture.path(QStringLiteral("chatca.crt")),
                               QStringLiteral("--roots"),
                               m_fixture.path(QStringLiteral("root.crt")),
                               QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:%1").arg(m_port),
                               QStringLiteral("--upstream"),
                               m_upstream.url(),
                               QStringLiteral("--path"),
                               kPath,
                               QStringLiteral("--server-root"),
                               m_server->prefix(),
                               QStringLiteral("--main-config"),
                               m_server->mainConfigPath(),
                               QStringLiteral("--binary"),
                               m_server->binary(),
                               QStringLiteral("--state-dir"),
                               m_state.path(),
                               QStringLiteral("--json")}
                  + extra);
}

// The whole apply through the command line: refused without a mode, merged with --mode merge (judged by real
// clients), a second apply changes nothing, and two rollbacks leave the tree byte for byte as it was.
void TestApacheMerge::applyMergeAndRollBack()
{
    QVERIFY(writeFile(m_server->siteConfigPath(), siteText(false)));
    QVERIFY(m_server->reload());
    const QStringList before = treeDigest(m_server->prefix());
    const QByteArray homeBefore = m_fixture.curl(m_port, QStringLiteral("/"), QString()).out;
    QCOMPARE(homeBefore, QByteArray("the website\n\n200"));

    // Without a mode (a dedicated site would need its own certificate, given here): refused, both modes explained.
    const ProcessResult refused = apply({QStringLiteral("--cert"), m_fixture.path(QStringLiteral("server.crt")),
                                         QStringLiteral("--key"), m_fixture.path(QStringLiteral("server.key")),
                                         QStringLiteral("--chain"), m_fixture.path(QStringLiteral("chain.pem"))});
    QVERIFY2(refused.exitCode == 1, refused.out + refused.err);
    QVERIFY2(refused.out.contains("MODE_CHOICE_NEEDED"), refused.out.constData());
    QCOMPARE(treeDigest(m_server->prefix()), before);

    const ProcessResult applied = apply({QStringLiteral("--mode"), QStringLiteral("merge")});
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    QVERIFY(readFile(m_server->siteConfigPath()).contains("# mTLS Assistant begin"));
    checkMerged(homeBefore);
    if (QTest::currentTestFailed())
        return;

    const QStringList once = treeDigest(m_server->prefix());
    const ProcessResult again = apply({QStringLiteral("--mode"), QStringLiteral("merge")});
    QVERIFY2(again.exitCode == 0, again.out + again.err);
    QCOMPARE(treeDigest(m_server->prefix()), once);

    for (int i = 0; i < 2; ++i) {
        const ProcessResult back
            = runCli({QStringLiteral("rollback"), QStringLiteral("--server"), QStringLiteral("apache"),
                      QStringLiteral("--server-root"), m_server->prefix(), QStringLiteral("--main-config"),
                      m_server->mainConfigPath(), QStringLiteral("--binary"), m_server->binary(),
                      QStringLiteral("--state-dir"), m_state.path()});
        QVERIFY2(back.exitCode == 0, back.out + back.err);
    }
    QCOMPARE(treeDigest(m_server->prefix()), before);
    QCOMPARE(m_fixture.curl(m_port, kPath, QString()).out.right(4), QByteArray("\n404"));
    QCOMPARE(m_fixture.curl(m_port, QStringLiteral("/"), QString()).out, homeBefore);
}

QTEST_GUILESS_MAIN(TestApacheMerge)
#include "tst_apachemerge.moc"
