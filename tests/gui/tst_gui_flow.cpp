// Both certificate paths through every page to the end, with the keyboard and the dialog hooks, against a
// throwaway nginx and a throwaway Apache started by the test; then a renewal of the saved setup, and an export.
#include "Dialogs.h"
#include "WizardContext.h"
#include "WizardFlow.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/ImportPage.h"
#include "pages/RenewComparePage.h"
#include "pages/ReviewPage.h"
#include "pages/SandboxPage.h"
#include "pages/WelcomePage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>

#include <algorithm>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

class TestGuiFlow : public WizardFlowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpCase(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void ownCaOnNginxThenRenewal();
    void issuedByChatOnApache();
    void exportForAnotherMachine();
    void sandboxFromTheWelcomePage();
    void failedApplyIsPutBack();
};

void TestGuiFlow::ownCaOnNginxThenRenewal()
{
    QVERIFY2(m_installation.start(ServerKind::Nginx).ok(), "throwaway nginx");
    makeWizard();
    const QString url = QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port);
    toReview(url, ServerKind::Nginx, true, m_installation.port, false,
             {QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    reviewApplyTestFinish(QString());
    if (QTest::currentTestFailed())
        return;

    const auto saved = SetupStore(m_setups->path()).load();
    QVERIFY(saved.ok());
    QCOMPARE(saved->setups.size(), 1);
    const SavedSetup& setup = saved->setups.first();
    QCOMPARE(setup.domain, QStringLiteral("localhost"));
    QCOMPARE(setup.server, ServerKind::Nginx);
    QCOMPARE(setup.webhookPath, QStringLiteral("/im/callback"));
    const QString oldSha = Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt")))->sha256Fingerprint();
    QCOMPARE(setup.certificate.sha256, oldSha);
    QMetaObject::invokeMethod(m_wizard->button(QWizard::FinishButton), "click");

    // Renewal: pick the saved setup, import the new certificate, compare, apply, test.
    makeWizard();
    mnemonic(*m_wizard, 'r');
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isChecked());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
    // The certificate in use is refused as a "renewal".
    importFiles({QStringLiteral("renewed_bundle.crt"), QStringLiteral("renewed.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    QTRY_VERIFY(!compare->isBusy());
    auto* table = find<QTableWidget>(compare, "compareView");
    QCOMPARE(table->item(4, 0)->text().remove(QLatin1Char('\n')), oldSha);
    QVERIFY(table->item(4, 1)->text().remove(QLatin1Char('\n')) != oldSha);
    QVERIFY(find<QLabel>(compare, "verdictLabel")
                ->text()
                .startsWith(lead("mtls::ui::RenewComparePage",
                                 "OK: the new certificate covers %1, fits its key, and lasts until %2.")));
    screenshot(*m_wizard, QStringLiteral("12-renew-compare"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId)); // re-checked, remembered from the first setup
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    reviewApplyTestFinish(QStringLiteral("renew-"));
    if (QTest::currentTestFailed())
        return;

    const auto renewed = SetupStore(m_setups->path()).load();
    QCOMPARE(renewed->setups.size(), 1);
    QCOMPARE(renewed->setups.first().certificate.sha256,
             Certificate::fromPem(m_pki->pki.read(QStringLiteral("renewed.crt")))->sha256Fingerprint());
    // The live server now shows the new certificate.
    QCOMPARE(m_wizard->context().probe->serverCertificate.leaf().sha256Fingerprint(),
             renewed->setups.first().certificate.sha256);
}

void TestGuiFlow::issuedByChatOnApache()
{
    chatIssuedSetupOnApache(QStringLiteral("apache-"));
    if (QTest::currentTestFailed())
        return;
    const auto saved = SetupStore(m_setups->path()).load();
    QCOMPARE(saved->setups.first().server, ServerKind::Apache);
    QCOMPARE(saved->setups.first().source, CertificateSource::IssuedByChat);
}

void TestGuiFlow::exportForAnotherMachine()
{
    makeWizard();
    toReview(QStringLiteral("https://localhost/im/callback"), ServerKind::Nginx, false, 443, false,
             {QStringLiteral("server.crt"), QStringLiteral("inter.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    const QString out = m_state->filePath(QStringLiteral("export"));
    Dialogs::setNextDirectory(out);
    mnemonic(*m_wizard, 'e');
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QTRY_VERIFY(!apply->isBusy());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("08-export"));
    QVERIFY(QFile::exists(out + QStringLiteral("/mtls-assistant-localhost.conf")));
    QVERIFY(QFile::exists(out + QStringLiteral("/README.txt")));
    // The key is readable by its owner only.
    const QFile::Permissions keyPermissions = QFile::permissions(out + QStringLiteral("/privkey.pem"));
    QVERIFY(keyPermissions.testFlag(QFile::ReadOwner));
    QVERIFY(!keyPermissions.testFlag(QFile::ReadGroup));
    QVERIFY(!keyPermissions.testFlag(QFile::ReadOther));
    // Export goes straight to the summary: there is no live endpoint to test here.
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    QTRY_VERIFY(find<FinishPage>(m_wizard.get(), "FinishPage")->isSaved());
    QCOMPARE(SetupStore(m_setups->path()).load()->setups.first().target, SetupTarget::Export);
}

void TestGuiFlow::sandboxFromTheWelcomePage()
{
    makeWizard();
    mnemonic(*m_wizard, 't');
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(SandboxPageId));
    screenshot(*m_wizard, QStringLiteral("13-sandbox"));
    mnemonic(*m_wizard, 'r');
    auto* sandbox = find<SandboxPage>(m_wizard.get(), "SandboxPage");
    QTRY_VERIFY_WITH_TIMEOUT(!sandbox->isRunning(), 60000);
    const QString verdict = find<QLabel>(sandbox, "verdictLabel")->accessibleName();
    QVERIFY2(verdict.startsWith(
                 lead("mtls::ui::SandboxPage",
                      "It works: %1 refused the caller without a client certificate and passed the one with Chat's "
                      "kind of certificate on to the webhook application (%n request(s) reached it).")),
             qPrintable(verdict));
    QVERIFY(find<QListWidget>(sandbox, "stepsView")->count() > 0);
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("13-sandbox-done"));
}

void TestGuiFlow::failedApplyIsPutBack()
{
    QVERIFY2(m_installation.start(ServerKind::Nginx).ok(), "throwaway nginx");
    makeWizard();
    toReview(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port), ServerKind::Nginx, true,
             m_installation.port, false, {QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    QVERIFY(next(*m_wizard));

    // The server refuses the reload (the engine's fault hook): everything is put back, the user is told.
    const QString siteDir = m_installation.server->prefix() + QStringLiteral("/conf.d");
    const QStringList before = QDir(siteDir).entryList(QDir::Files);
    qputenv("MTLS_TEST_FAIL_RELOAD", "1");
    mnemonic(*m_wizard, 'a');
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    qunsetenv("MTLS_TEST_FAIL_RELOAD");
    QVERIFY(!m_wizard->context().applied);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!find<QLabel>(apply, "errorMessage")->text().isEmpty());
    QVERIFY(find<QLabel>(apply, "resultLabel")
                ->text()
                .contains(tt("mtls::ui::ApplyPage",
                             "Every file was put back; the message above says whether the server "
                             "runs as before. Fix the problem shown here and apply again.")));
    QCOMPARE(QDir(siteDir).entryList(QDir::Files), before);
    // The steps show what was written, the reload that failed, and the rollback.
    const QStringList steps = stepTexts(apply);
    const QString written = lead("mtls::ApplyService", "Written: %1");
    const QString removed = lead("mtls::ApplyService", "Removed: %1");
    const auto count = [&steps](const QString& start) {
        return std::count_if(steps.cbegin(), steps.cend(), [&start](const QString& s) { return s.startsWith(start); });
    };
    QVERIFY2(count(written) > 0 && count(written) == count(removed), qPrintable(steps.join(QLatin1Char('\n'))));
    const auto failed = std::find_if(steps.cbegin(), steps.cend(), [](const QString& s) {
        return s.startsWith(lead("mtls::ApplyService", "Failed: %1"));
    });
    QVERIFY2(failed != steps.cend(), qPrintable(steps.join(QLatin1Char('\n'))));
    QVERIFY(steps.contains(tt("mtls::ApplyService", "Rolled back: every file is as it was before.")));
    QVERIFY(steps.indexOf(*failed)
            < steps.indexOf(tt("mtls::ApplyService", "Rolling back: putting every file back as it was.")));
    screenshot(*m_wizard, QStringLiteral("08-apply-failed"));

    // Fixed: apply again.
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    QVERIFY(m_wizard->context().applied.has_value());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

QTEST_MAIN(TestGuiFlow)
#include "tst_gui_flow.moc"
