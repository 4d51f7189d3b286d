#pragma once

#include "GuiTestSupport.h"
#include "MainWizard.h"
#include "secrets/MemorySecretStore.h"
#include "server/ServerDiscovery.h"
#include "server/ThrowawayServer.h"

#include <QObject>
#include <QTemporaryDir>

#include <functional>
#include <memory>

// The steps of the wizard's flows, shared by the GUI flow tests: a throwaway installation with an old site, the
// wizard made with the test hooks, and each page driven with the keyboard. A step that fails records the failure
// and returns; callers check QTest::currentTestFailed() before the next one.
namespace guitest {

// The texts of the apply page's steps list, top to bottom.
QStringList stepTexts(QWidget* page);

// A running throwaway installation with an old site, as a user's server would have.
struct Installation
{
    std::unique_ptr<mtls::ThrowawayServer> server;
    mtls::DiscoveryOptions discovery;
    quint16 port = 0; // where the new site will listen

    mtls::Status start(mtls::ServerKind kind);
};

class WizardFlowTest : public QObject
{
    Q_OBJECT

protected:
    // For the test classes' initTestCase(), init() and cleanup().
    void setUpCase();
    void setUp();
    void tearDown();

    // curl https://localhost:PORT/PATH trusting the test root; `client` a certificate of the PKI or empty; `extra`
    // more curl options. The body, a newline and the HTTP status.
    QByteArray curl(quint16 port, const QString& path, const QString& client = QString(),
                    const QStringList& extra = {}) const;
    void makeWizard();
    // From the welcome page to the server page.
    void endpoint(const QString& url);
    // The server page where no site answers the name (a dedicated site): on to the certificate path page. `upstream`
    // empty: the address the server page offers.
    void server(mtls::ServerKind kind, bool thisMachine, quint16 port, const QString& upstream = QString());
    // The certificate path page: on to the import page.
    void certificatePath(bool issuedByChat);
    void importFiles(const QStringList& files);
    // The client CA page: on to the review page.
    void clientCa();
    // The whole dedicated path from the welcome page to the review page: endpoint, server, certificate path, the
    // files imported, the client CA.
    void toReview(const QString& url, mtls::ServerKind kind, bool thisMachine, quint16 port, bool issuedByChat,
                  const QStringList& files, const QString& upstream = QString());
    // Through the page of the first call to the Finish page; `onFirstCallPage` runs on that page when given.
    void reviewApplyTestFinish(const QString& shotPrefix, const std::function<void()>& onFirstCallPage = {});
    // A whole first setup on the Chat-issued path (localhost.zip) against a throwaway Apache, to the Finish page.
    void chatIssuedSetupOnApache(const QString& shotPrefix);

    std::unique_ptr<Pki> m_pki;
    std::unique_ptr<QTemporaryDir> m_setups;
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<mtls::MemorySecretStore> m_secrets;
    std::unique_ptr<mtls::ui::MainWizard> m_wizard;
    Installation m_installation;
};

} // namespace guitest
