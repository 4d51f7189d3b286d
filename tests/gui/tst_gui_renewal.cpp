// The renewal on the Chat-issued certificate path: a first setup with the package downloaded from the Chat console,
// applied to a throwaway Apache, then the renewal wizard with a new package for the same domain, driven with the
// keyboard through the comparison, apply and the test handshake; and the packages the renewal must refuse.
#include "Dialogs.h"
#include "TestProcess.h"
#include "TestZip.h"
#include "WizardContext.h"
#include "WizardFlow.h"
#include "deploy/ApplyHistory.h"
#include "pages/ImportPage.h"
#include "pages/RenewComparePage.h"
#include "widgets/FileDropArea.h"
#include "widgets/FindingsView.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

namespace {

const QString kDomain = QStringLiteral("localhost");

// A package as the Chat console gives it (the newer Tencent Cloud SSL layout): one folder per server type.
QList<TestZipEntry> consolePackage(const QString& domain, const QByteArray& leaf, const QByteArray& chain,
                                   const QByteArray& key)
{
    return {TestZipEntry(QStringLiteral("%1_apache/root_bundle.crt").arg(domain), chain),
            TestZipEntry(QStringLiteral("%1_apache/%1.crt").arg(domain), leaf),
            TestZipEntry(QStringLiteral("%1_apache/%1.key").arg(domain), key),
            TestZipEntry(QStringLiteral("%1_nginx/%1_bundle.crt").arg(domain), leaf + chain),
            TestZipEntry(QStringLiteral("%1_nginx/%1.key").arg(domain), key)};
}

QString sha256Of(const QByteArray& pem)
{
    const auto certificate = Certificate::fromPem(pem);
    return certificate ? certificate->sha256Fingerprint() : QString();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestGuiRenewal : public WizardFlowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void newChatPackageOnApache_data();
    void newChatPackageOnApache();
    void wrongPackageIsRefused_data();
    void wrongPackageIsRefused();
    void certificateInUseIsRefused();

private:
    bool makePackages();
    void firstSetupIssuedByChat();
    void renewTo(const QString& package, const QString& newCertificate);
    void checkServed(const QString& sha256);
    void goToRenewalImport();
    void saveChatSetup(SetupTarget target);
};

void TestGuiRenewal::initTestCase()
{
    setUpCase();
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(makePackages(), qPrintable(m_pki->pki.lastError()));
}

bool TestGuiRenewal::makePackages()
{
    TestPki& pki = m_pki->pki;
    TestPki::Options longer;
    longer.validToDays = 700;
    if (!pki.makeServer(QStringLiteral("chatnew"), {kDomain}, QStringLiteral("inter"), longer)
        || !pki.makeServer(QStringLiteral("otherdomain"), {QStringLiteral("other.example.com")},
                           QStringLiteral("inter"), longer))
        return false;
    // The same key certified again, as when a new certificate is requested with the key of the first one.
    if (!pki.write(QStringLiteral("samekey.ext"),
                   "basicConstraints=critical,CA:FALSE\n"
                   "keyUsage=critical,digitalSignature\n"
                   "extendedKeyUsage=serverAuth\n"
                   "subjectAltName=DNS:localhost\n")
        || !pki.openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
                         QStringLiteral("server.key"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                         QStringLiteral("-out"), QStringLiteral("samekey.csr")})
        || !pki.openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         QStringLiteral("samekey.csr"), QStringLiteral("-CA"), QStringLiteral("inter.crt"),
                         QStringLiteral("-CAkey"), QStringLiteral("inter.key"), QStringLiteral("-set_serial"),
                         QStringLiteral("0x7001"), QStringLiteral("-days"), QStringLiteral("700"),
                         QStringLiteral("-sha256"), QStringLiteral("-extfile"), QStringLiteral("samekey.ext"),
                         QStringLiteral("-out"), QStringLiteral("samekey.crt")}))
        return false;
    const QByteArray inter = pki.read(QStringLiteral("inter.crt"));
    const QByteArray oldKey = pki.read(QStringLiteral("server.key"));
    const QByteArray newLeaf = pki.read(QStringLiteral("chatnew.crt"));
    return writeTestZip(pki.path(QStringLiteral("renewed-newkey.zip")),
                        consolePackage(kDomain, newLeaf, inter, pki.read(QStringLiteral("chatnew.key"))))
        && writeTestZip(pki.path(QStringLiteral("renewed-samekey.zip")),
                        consolePackage(kDomain, pki.read(QStringLiteral("samekey.crt")), inter, oldKey))
        && writeTestZip(pki.path(QStringLiteral("other-domain.zip")),
                        consolePackage(QStringLiteral("other.example.com"), pki.read(QStringLiteral("otherdomain.crt")),
                                       inter, pki.read(QStringLiteral("otherdomain.key"))))
        // The new certificate with the key of the old one: a mix-up of two downloads.
        && writeTestZip(pki.path(QStringLiteral("old-key.zip")), consolePackage(kDomain, newLeaf, inter, oldKey));
}

void TestGuiRenewal::firstSetupIssuedByChat()
{
    chatIssuedSetupOnApache(QStringLiteral("renew-chat-first-"));
    if (QTest::currentTestFailed())
        return;
    QMetaObject::invokeMethod(m_wizard->button(QWizard::FinishButton), "click");
}

void TestGuiRenewal::renewTo(const QString& package, const QString& newCertificate)
{
    const QString oldSha = sha256Of(m_pki->pki.read(QStringLiteral("server.crt")));
    const QDateTime oldNotAfter = Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt")))->notAfter();
    const auto fresh = Certificate::fromPem(m_pki->pki.read(newCertificate));
    QVERIFY(fresh.ok());

    goToRenewalImport();
    if (QTest::currentTestFailed())
        return;
    importFiles({package});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!hasError(m_wizard->context().report.findings));
    QCOMPARE(m_wizard->context().report.material.leaf.sha256Fingerprint(), fresh->sha256Fingerprint());
    QVERIFY(next(*m_wizard));

    // Old and new side by side: fingerprints and expiry dates of both.
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    QTRY_VERIFY_WITH_TIMEOUT(!compare->isBusy(), 10000);
    auto* table = find<QTableWidget>(compare, "compareView");
    QCOMPARE(table->item(2, 0)->text(), oldNotAfter.toString(QStringLiteral("yyyy-MM-dd")));
    QCOMPARE(table->item(2, 1)->text(), fresh->notAfter().toString(QStringLiteral("yyyy-MM-dd")));
    QCOMPARE(table->item(4, 0)->text().remove(QLatin1Char('\n')), oldSha);
    QCOMPARE(table->item(4, 1)->text().remove(QLatin1Char('\n')), fresh->sha256Fingerprint());
    const QString verdict = find<QLabel>(compare, "verdictLabel")->text();
    QVERIFY2(
        verdict
            == tt("mtls::ui::RenewComparePage", "OK: the new certificate covers %1, fits its key, and lasts until %2.")
                   .arg(kDomain, fresh->notAfter().toString(QStringLiteral("yyyy-MM-dd"))),
        qPrintable(verdict));
    screenshot(*m_wizard, QStringLiteral("12-renew-chat-compare"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    reviewApplyTestFinish(QStringLiteral("renew-chat-"));
}

void TestGuiRenewal::checkServed(const QString& sha256)
{
    // What a real client sees: openssl s_client with Chat's kind of client certificate, verifying the server.
    const ProcessResult r = runProcess(QStringLiteral("openssl"),
                                       {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                        QStringLiteral("127.0.0.1:%1").arg(m_installation.port),
                                        QStringLiteral("-servername"), kDomain, QStringLiteral("-verify_hostname"),
                                        kDomain, QStringLiteral("-CAfile"), m_pki->path(QStringLiteral("root.crt")),
                                        QStringLiteral("-cert"), m_pki->path(QStringLiteral("chatclient.crt")),
                                        QStringLiteral("-key"), m_pki->path(QStringLiteral("chatclient.key"))},
                                       QProcessEnvironment::systemEnvironment(), 20000, QByteArrayLiteral("Q\n"));
    QVERIFY2(r.finished, r.err.constData());
    QVERIFY2(r.out.contains("Verification: OK"), r.out.constData());
    const qsizetype begin = r.out.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype end = r.out.indexOf("-----END CERTIFICATE-----");
    QVERIFY2(begin >= 0 && end > begin, r.out.constData());
    QCOMPARE(sha256Of(r.out.mid(begin, end - begin + 25)), sha256);
}

void TestGuiRenewal::goToRenewalImport()
{
    makeWizard();
    mnemonic(*m_wizard, 'r');
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isChecked());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    const QString oldSha = sha256Of(m_pki->pki.read(QStringLiteral("server.crt")));
    QVERIFY(find<QLabel>(m_wizard->currentPage(), "selectionLabel")->text().contains(oldSha));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // nothing imported yet
    QVERIFY(find<QLabel>(m_wizard->currentPage(), "introLabel")
                ->text()
                .contains(tt("mtls::ui::ImportPage", "It must cover %1, like the certificate in use.").arg(kDomain)));
    // Browse starts in the folder of the files imported last time (a setup made through the wizard has them).
    const QStringList lastFiles = m_wizard->context().renewing->inputs.files();
    if (!lastFiles.isEmpty())
        QCOMPARE(find<FileDropArea>(m_wizard->currentPage(), "dropArea")->directory(),
                 QFileInfo(lastFiles.first()).absolutePath());
}

void TestGuiRenewal::saveChatSetup(SetupTarget target)
{
    // A saved setup of the Chat path, as a first setup leaves it.
    SavedSetup saved;
    saved.domain = kDomain;
    saved.webhookPath = QStringLiteral("/im/callback");
    saved.source = CertificateSource::IssuedByChat;
    saved.server = ServerKind::Apache;
    saved.target = target;
    saved.listen = QStringLiteral("127.0.0.1:8443");
    saved.certificate = RememberedCertificate::of(*Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt"))));
    QVERIFY(SetupStore(m_setups->path()).save(saved).ok());
}

void TestGuiRenewal::newChatPackageOnApache_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("certificate");
    QTest::newRow("new key") << QStringLiteral("renewed-newkey.zip") << QStringLiteral("chatnew.crt");
    QTest::newRow("same key") << QStringLiteral("renewed-samekey.zip") << QStringLiteral("samekey.crt");
}

void TestGuiRenewal::newChatPackageOnApache()
{
    QFETCH(QString, package);
    QFETCH(QString, certificate);
    firstSetupIssuedByChat();
    if (QTest::currentTestFailed())
        return;
    const auto first = SetupStore(m_setups->path()).load();
    QVERIFY(first.ok());
    QCOMPARE(first->setups.size(), 1);
    const SavedSetup before = first->setups.first();
    const QString oldSha = sha256Of(m_pki->pki.read(QStringLiteral("server.crt")));
    QCOMPARE(before.certificate.sha256, oldSha);
    QCOMPARE(before.source, CertificateSource::IssuedByChat);

    renewTo(package, certificate);
    if (QTest::currentTestFailed())
        return;

    // The saved setup now names the new certificate, and nothing else about it changed.
    const auto fresh = Certificate::fromPem(m_pki->pki.read(certificate));
    const auto renewed = SetupStore(m_setups->path()).load();
    QVERIFY(renewed.ok());
    QCOMPARE(renewed->setups.size(), 1);
    const SavedSetup& after = renewed->setups.first();
    QCOMPARE(after.id(), before.id());
    QCOMPARE(after.source, CertificateSource::IssuedByChat);
    QCOMPARE(after.certificate.sha256, fresh->sha256Fingerprint());
    QCOMPARE(after.certificate.notAfter, fresh->notAfter());
    QCOMPARE(after.certificateFile, before.certificateFile);
    QCOMPARE(after.keyFile, before.keyFile);

    // The live server shows the new certificate to a real client.
    checkServed(fresh->sha256Fingerprint());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sha256Of(readFile(after.certificateFile)), fresh->sha256Fingerprint());

    // The old certificate and key were backed up before being replaced, for a rollback.
    const auto newest = ApplyHistory(m_state->path()).newestStep();
    QVERIFY2(newest.ok(), qPrintable(newest ? QString() : newest.error().message));
    const auto journal = newest->load();
    QVERIFY2(journal.ok(), qPrintable(journal ? QString() : journal.error().message));
    QCOMPARE(journal->state, ApplyJournal::State::Done);
    QStringList backedUp;
    for (const JournalEntry& entry : journal->entries) {
        if (entry.target == before.certificateFile) {
            QVERIFY(entry.existed);
            QCOMPARE(sha256Of(readFile(entry.backup)), oldSha);
        }
        if (entry.target == before.keyFile) {
            QVERIFY(entry.existed);
            // The key kept is the old certificate's.
            CheckInput input;
            input.domain = kDomain;
            input.certPath = m_pki->path(QStringLiteral("server.crt"));
            input.keyPath = entry.backup;
            QVERIFY(!runCheck(input).material.key.isNull());
        }
        if (!entry.backup.isEmpty() && QFile::exists(entry.backup))
            backedUp << entry.target;
    }
    QVERIFY2(backedUp.contains(before.certificateFile), qPrintable(backedUp.join(QLatin1Char(' '))));
    QVERIFY2(backedUp.contains(before.keyFile), qPrintable(backedUp.join(QLatin1Char(' '))));
}

void TestGuiRenewal::wrongPackageIsRefused_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("named"); // a name the finding's message must show
    QTest::newRow("another domain") << QStringLiteral("other-domain.zip") << QStringLiteral("NAME_MISMATCH")
                                    << QStringLiteral("other.example.com");
    QTest::newRow("key does not fit") << QStringLiteral("old-key.zip") << QStringLiteral("KEY_MISMATCH")
                                      << QStringLiteral("localhost");
}

void TestGuiRenewal::wrongPackageIsRefused()
{
    QFETCH(QString, package);
    QFETCH(QString, code);
    QFETCH(QString, named);
    // The refusal comes before any server is needed.
    saveChatSetup(SetupTarget::ThisMachine);
    if (QTest::currentTestFailed())
        return;

    goToRenewalImport();
    if (QTest::currentTestFailed())
        return;
    Dialogs::setNextFiles({m_pki->path(package)});
    mnemonic(*m_wizard, 'w');
    auto* import = find<ImportPage>(m_wizard.get(), "ImportPage");
    QTRY_VERIFY(!import->isBusy());
    auto* findings = find<FindingsView>(import, "findingsView");
    QTRY_VERIFY(findings->isVisible());
    QCOMPARE(findings->findings().first().severity, Severity::Error); // errors first
    const qsizetype at = [&] {
        for (qsizetype i = 0; i < findings->findings().size(); ++i)
            if (findings->findings().at(i).code == code)
                return i;
        return qsizetype(-1);
    }();
    QVERIFY2(at >= 0, qPrintable(findings->item(0)->text()));
    const Finding& finding = findings->findings().at(at);
    QCOMPARE(finding.severity, Severity::Error);
    QVERIFY2(finding.message.contains(named), qPrintable(finding.message));
    const QString shown = findings->item(int(at))->text();
    QVERIFY(shown.startsWith(
        tt("mtls::ui::FindingsView", "%1: %2").arg(tt("mtls::ui::FindingsView", "Error"), finding.message)));
    QVERIFY(shown.contains(lead("mtls::ui::FindingsView", "How to fix: %1")));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("12-renew-import-") + code.toLower());
}

void TestGuiRenewal::certificateInUseIsRefused()
{
    // Downloaded again without renewing: the package of the first setup. Exported, so that no server is looked for.
    saveChatSetup(SetupTarget::Export);
    if (QTest::currentTestFailed())
        return;
    goToRenewalImport();
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("localhost.zip")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    QTRY_VERIFY(!compare->isBusy());
    QCOMPARE(find<QLabel>(compare, "verdictLabel")->text(),
             tt("mtls::ui::RenewComparePage", "Error: this is the certificate already in use. Import the new one."));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

QTEST_MAIN(TestGuiRenewal)
#include "tst_gui_renewal.moc"
