// Benchmark (label bench, not part of the default run): what the verification from outside adds to an apply on
// loopback (goal: at most 300 ms). One run, interleaved: on a throwaway nginx and Apache, each round applies the
// webhook site (timing the whole apply, and from the "reloaded" step to the end: the verification after the
// reload), measures the record taken before the change on the same server state with ApplyVerifier directly, and
// rolls back. Prints the medians and the ratio of apply with verification to apply without it.
//   bench_apply [ROUNDS]

#include "MtlsFixture.h"
#include "deploy/ApplyService.h"
#include "deploy/ApplyVerification.h"
#include "server/ThrowawayServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace mtls;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

struct Figures
{
    QList<double> apply; // the whole apply, with verification (ms)
    QList<double> after; // from the reload to the end: the checks after the reload (ms)
    QList<double> before; // the record before the change (ms)
};

bool measure(ServerKind kind, const MtlsFixture& fixture, int rounds, Figures* figures)
{
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = freeLoopbackPort();
    options.siteConfig = kind == ServerKind::Nginx
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old\\n\"; }\n}\n")
              .arg(options.port)
        : QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n</VirtualHost>\n").arg(options.port);
    ThrowawayServer server(options);
    if (auto started = server.start(); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().fullText()));
        return false;
    }
    DiscoveryOptions discovery;
    discovery.binary = server.binary();
    discovery.configRoot = server.prefix();
    discovery.mainConfig = server.mainConfigPath();
    if (kind == ServerKind::Nginx)
        discovery.prefix = server.prefix();
    auto installation = discoverServer(kind, discovery);
    if (!installation) {
        std::fprintf(stderr, "%s\n", qPrintable(installation.error().fullText()));
        return false;
    }
    QTemporaryDir state;
    const quint16 port = freeLoopbackPort();
    for (int round = 0; round < rounds; ++round) {
        ApplyRequest request;
        request.installation = installation.value();
        request.config.domain = QStringLiteral("localhost");
        request.config.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(port));
        request.config.upstreamUrl = QStringLiteral("http://127.0.0.1:9");
        request.config.webhookPath = QStringLiteral("/im/callback");
        request.material.fullChainPem = fixture.read(QStringLiteral("fullchain.pem"));
        request.material.chainPem = fixture.read(QStringLiteral("chain.pem"));
        request.material.keyPem = fixture.read(QStringLiteral("server.key"));
        request.material.clientCaPem = fixture.read(QStringLiteral("chatca.crt"));
        request.stateDir = state.path();

        // The record before the change, on the state apply will find.
        VerificationTarget target;
        target.installation = installation.value();
        target.domain = request.config.domain;
        target.listen = request.config.listen;
        QElapsedTimer clock;
        clock.start();
        ApplyVerifier(target).recordBefore();
        figures->before << clock.nsecsElapsed() / 1e6;

        qint64 reloadedAt = -1;
        request.progress = [&](const ApplyProgress& step) {
            if (step.kind == ApplyProgress::Kind::Reloaded && reloadedAt < 0)
                reloadedAt = clock.nsecsElapsed();
        };
        clock.restart();
        const auto applied = applyConfiguration(request);
        const qint64 total = clock.nsecsElapsed();
        if (!applied || reloadedAt < 0) {
            std::fprintf(stderr, "apply failed: %s\n", qPrintable(applied ? QString() : applied.error().fullText()));
            return false;
        }
        figures->apply << total / 1e6;
        figures->after << (total - reloadedAt) / 1e6;
        if (auto back = rollbackLastApply(installation.value(), state.path()); !back) {
            std::fprintf(stderr, "rollback failed: %s\n", qPrintable(back.error().fullText()));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 15;
    MtlsFixture fixture;
    if (!fixture.make()) {
        std::fprintf(stderr, "%s\n", qPrintable(fixture.error()));
        return 2;
    }
    std::printf("apply on a throwaway server on loopback, %d rounds each, medians in ms\n", rounds);
    std::printf("%-8s %12s %14s %14s %14s %10s\n", "server", "apply", "verification", "  (before)", "  (after)",
                "ratio");
    bool met = true;
    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        Figures f;
        if (!measure(kind, fixture, rounds, &f))
            return 2;
        const double apply = median(f.apply);
        const double verification = median(f.before) + median(f.after);
        const double ratio = apply / std::max(1.0, apply - verification);
        std::printf("%-8s %12.1f %14.1f %14.1f %14.1f %10.2f\n", qPrintable(serverKindName(kind)), apply, verification,
                    median(f.before), median(f.after), ratio);
        met = met && verification <= 300;
    }
    std::printf("goal: the verification adds at most 300 ms: %s\n", met ? "met" : "NOT met");
    return met ? 0 : 1;
}
