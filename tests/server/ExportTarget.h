#pragma once

// A throwaway installation as the target of `export`, and runs of the bundle's install.sh against it.

#include "ThrowawayInstallation.h"

#include <QProcessEnvironment>

struct ExportTarget : Throwaway
{
    using Throwaway::Throwaway;
    QTemporaryDir work; // the bundles, and install.sh's backup folder (work/backups)

    QString backupDir() const { return work.filePath(QStringLiteral("backups")); }
    // `export` for localhost on newPort to `out`, with this installation's program, main configuration, prefix
    // (nginx) and the backup folder.
    QStringList exportArgs(const MtlsFixture& fixture, const QString& layout, const QString& upstream,
                           const QString& out) const;
    // sh BUNDLE/install.sh ARGS as root, with `env` (default: this process's environment).
    ProcessResult install(const QString& bundle, const QStringList& args = {},
                          const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                          const QString& workingDirectory = QString()) const;
};

// Runs `program` and sends `signal` to it as soon as its output holds `marker` (the run goes on to its end).
ProcessResult runSignalledAt(const QString& program, const QStringList& arguments, const QByteArray& marker,
                             int signal);
