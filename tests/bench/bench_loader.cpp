// Benchmark (label bench, not part of the default run): reading large CA bundles must stay linear and take
// under one second for 10,000 certificates. Uses the system's CA bundle, repeated to the sizes measured.
#include "pki/MaterialLoader.h"
#include "pki/ServerMaterialSelector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString source
        = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(source));
        return 2;
    }
    const QByteArray bundle = file.readAll();
    const mtls::Material base = mtls::MaterialLoader().loadData(bundle, source);
    const int perBundle = static_cast<int>(base.certificates.size());
    if (perBundle == 0) {
        std::fprintf(stderr, "no certificate in %s\n", qPrintable(source));
        return 2;
    }
    std::printf("source: %s (%d certificates)\n", qPrintable(source), perBundle);
    std::printf("%10s %12s %14s %14s\n", "certs", "read (ms)", "read+select", "us per cert");
    double perCertSmall = 0;
    double perCertLarge = 0;
    double largeMs = 0;
    for (const int target : {1000, 2000, 5000, 10000}) {
        QByteArray data;
        int count = 0;
        while (count < target) {
            data += bundle;
            count += perBundle;
        }
        double best = 1e9;
        double bestWithSelect = 1e9;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            const mtls::Material m = mtls::MaterialLoader().loadData(data, QStringLiteral("bundle"));
            const double readMs = timer.nsecsElapsed() / 1e6;
            const mtls::ServerSelection s = mtls::selectServerMaterial(m, QStringLiteral("www.example.com"));
            const double allMs = timer.nsecsElapsed() / 1e6;
            if (m.certificates.size() != count || s.material.leaf.isNull())
                return 1;
            best = std::min(best, readMs);
            bestWithSelect = std::min(bestWithSelect, allMs);
        }
        const double perCert = 1000.0 * best / count;
        std::printf("%10d %12.1f %14.1f %14.1f\n", count, best, bestWithSelect, perCert);
        if (target == 1000)
            perCertSmall = perCert;
        if (target == 10000) {
            perCertLarge = perCert;
            largeMs = best;
        }
    }
    const double linearity = perCertLarge / perCertSmall;
    std::printf("per-certificate cost at 10,000 vs 1,000: %.2fx (1.00 = perfectly linear)\n", linearity);
    std::printf("10,000 certificates read in %.0f ms (target: under 1000 ms)\n", largeMs);
    return largeMs < 1000 && linearity < 1.5 ? 0 : 1;
}
