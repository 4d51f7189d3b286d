// GUI benchmarks (not a test: run by bench-gui.sh, which prints the figures and the targets).
//   bench_gui paint-bare     prints the Unix time in ms when a bare QWizard's first page was painted, then exits
//   bench_gui paint-wizard   the same for the assistant's wizard
//   bench_gui import ZIP ROOTS   ms from choosing a package on the import page to its findings shown (median of 9)
//   bench_gui freeze         the longest the event loop stalls while a test handshake runs against an endpoint
//                            that never answers (3 s), in ms
#include "Dialogs.h"
#include "MainWizard.h"
#include "WizardContext.h"
#include "pages/ImportPage.h"
#include "pages/TestPage.h"
#include "secrets/MemorySecretStore.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>
#include <cstdio>

using namespace mtls;
using namespace mtls::ui;

namespace {

// Prints the time of the first paint of `watched` and quits.
class FirstPaint : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("%lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

int paint(bool bare)
{
    FirstPaint probe;
    std::unique_ptr<QWizard> wizard;
    MemorySecretStore secrets;
    QTemporaryDir setups;
    if (bare) {
        wizard = std::make_unique<QWizard>();
        auto* page = new QWizardPage;
        page->setTitle(QStringLiteral("Welcome"));
        auto* layout = new QVBoxLayout(page);
        layout->addWidget(new QLabel(QStringLiteral("A bare wizard page."), page));
        wizard->addPage(page);
    } else {
        wizard = std::make_unique<MainWizard>(&secrets, setups.path());
    }
    wizard->page(wizard->startId())->installEventFilter(&probe); // no current page before show()
    wizard->show();
    return QApplication::exec();
}

int import(const QString& zip, const QString& roots)
{
    MemorySecretStore secrets;
    QTemporaryDir setups;
    MainWizard wizard(&secrets, setups.path());
    wizard.context().model.domain = QStringLiteral("localhost");
    wizard.context().model.rootsPath = roots;
    wizard.show();
    auto* page = wizard.findChild<ImportPage*>(QStringLiteral("ImportPage"));
    QList<qint64> times;
    for (int i = 0; i < 9; ++i) {
        QElapsedTimer timer;
        timer.start();
        page->chooseFiles({zip});
        if (!QTest::qWaitFor([&] { return !page->isBusy(); }, 10000))
            return 2;
        QApplication::processEvents(); // the findings painted
        times << timer.elapsed();
    }
    std::sort(times.begin(), times.end());
    std::printf("%lld\n", static_cast<long long>(times.at(times.size() / 2)));
    return 0;
}

int freeze()
{
    // An endpoint that accepts and never says a word.
    QTcpServer silent;
    if (!silent.listen(QHostAddress::LocalHost))
        return 2;
    QList<QTcpSocket*> held;
    QObject::connect(&silent, &QTcpServer::newConnection, [&] {
        while (QTcpSocket* s = silent.nextPendingConnection())
            held << s;
    });
    MemorySecretStore secrets;
    QTemporaryDir setups;
    MainWizard wizard(&secrets, setups.path());
    wizard.show();
    auto* page = wizard.findChild<TestPage*>(QStringLiteral("TestPage"));
    const auto edits = page->findChildren<QLineEdit*>(QStringLiteral("urlEdit"));
    edits.first()->setText(QStringLiteral("https://127.0.0.1:%1/").arg(silent.serverPort()));
    qint64 longest = 0;
    QElapsedTimer gap;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] { longest = std::max(longest, gap.restart()); });
    page->run();
    gap.start();
    tick.start();
    QTest::qWait(3000);
    tick.stop();
    std::printf("%lld\n", static_cast<long long>(longest));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mtls-assistant-bench"));
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setTestMode(true);
    const QStringList args = QApplication::arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("paint-bare"))
        return paint(true);
    if (mode == QLatin1String("paint-wizard"))
        return paint(false);
    if (mode == QLatin1String("import") && args.size() == 4)
        return import(args.at(2), args.at(3));
    if (mode == QLatin1String("freeze"))
        return freeze();
    std::fprintf(stderr, "usage: bench_gui paint-bare|paint-wizard|import ZIP ROOTS|freeze\n");
    return 2;
}
