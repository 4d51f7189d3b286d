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
    void endpointAndPath(const QString& url, bool issuedByChat);
    void importFiles(const QStringList& files);
    void clientCa();
    // The own-CA path to the server page: the webhook on `port` of localhost, bundle.crt and server.key, Chat's CA.
    void ownCaToServerPage(quint16 port);
    // `upstream` empty: the address the server page offers.
    void server(mtls::ServerKind kind, bool thisMachine, quint16 port, const QString& upstream = QString());
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
