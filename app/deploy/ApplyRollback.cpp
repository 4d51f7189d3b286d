// Rollback, remove and recovery: stepping back through the apply history.

#include "ApplyRun.h"
#include "ApplyService.h"
#include "server/ConfigSyntax.h"
#include "server/ServerControl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

namespace mtls {

using namespace applyrun;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyService)
};

struct LoadedStep
{
    int number = 0;
    ApplyStateDir dir {QString()};
    ApplyJournal journal;
};

Result<QList<LoadedStep>> loadHistory(const ServerInstallation& installation, const ApplyHistory& history)
{
    auto numbers = history.steps();
    if (!numbers)
        return numbers.error();
    QList<LoadedStep> loaded;
    for (int n : std::as_const(numbers.value())) {
        auto journal = loadStep(installation, history.step(n));
        if (!journal)
            return journal.error();
        loaded << LoadedStep {n, history.step(n), journal.value()};
    }
    return loaded;
}

// After the files of `oldest` (and of any later steps rolled back with it) were put back: the server's test, its
// reload and the check from outside that it serves as before `oldest`. The steps' folders go in any case (the files
// are back); only a killed run leaves them, for the next run to finish.
Status testReloadVerify(const ServerInstallation& installation, const ApplyJournal& oldest,
                        const QList<ApplyStateDir>& done, Steps& steps)
{
    const auto dropSteps = [&done] {
        for (const ApplyStateDir& step : done)
            step.clear();
    };
    const QString server = serverKindDisplayName(installation.kind);
    const ServerControl control(installation);
    if (auto tested = control.test(); !tested) {
        dropSteps();
        return Error {Text::tr("The files were put back, but %1 refuses the restored configuration.").arg(server),
                      tested.error().detail};
    }
    steps.report(ApplyProgress::Kind::Tested, QString(),
                 Text::tr("Tested: %1 accepts the whole configuration.").arg(server));
    const ApplyVerifier verifier = verifierFromJournal(installation, oldest);
    const bool existed = siteExistedBefore(oldest);
    const Status previous = reloadPrevious(
        installation, [&] { return verifier.verifyRolledBack(existed); }, steps, PreviousCheck::AfterRollback);
    dropSteps();
    if (!previous)
        return Error {Text::tr("The files were put back, but: %1").arg(previous.error().message),
                      previous.error().detail};
    return {};
}

// Room to put back the files of `toUndo` beside what is there now, and for the journals' marks (and, for remove,
// the backups handed over to a later step): checked before anything changes.
Status roomToStepBack(const QList<LoadedStep>& toUndo, const QString& stateDir)
{
    QList<fileops::SpaceNeed> needs;
    for (const LoadedStep& step : toUndo) {
        for (const JournalEntry& entry : step.journal.entries) {
            if (entry.backup.isEmpty())
                continue;
            const qint64 size = QFileInfo(entry.backup).size();
            needs << fileops::SpaceNeed {QFileInfo(entry.target).absolutePath(), size + 4096};
            needs << fileops::SpaceNeed {stateDir, size + 4096};
        }
        needs << fileops::SpaceNeed {step.dir.path(), 64 * 1024};
    }
    return fileops::checkFreeSpace(needs);
}

// Puts back the files of `toUndo` (newest first), marking each step on the way so that a killed run is finished by
// the next one, then tests, reloads and verifies.
Status stepBack(const ServerInstallation& installation, QList<LoadedStep> toUndo, Steps& steps)
{
    for (LoadedStep& step : toUndo) {
        step.journal.state = ApplyJournal::State::RollingBack;
        if (auto saved = step.dir.save(step.journal); !saved)
            return saved;
    }
    steps.report(ApplyProgress::Kind::RollingBack, QString(),
                 Text::tr("Rolling back: putting every file back as it was."));
    steps.done("rolling back");
    QList<ApplyStateDir> done;
    for (auto it = toUndo.rbegin(); it != toUndo.rend(); ++it) {
        if (auto undone = undo(it->journal, &steps); !undone) {
            steps.failed(QString(), undone.error().message);
            return undone;
        }
        it->journal.state = ApplyJournal::State::Restored;
        if (auto saved = it->dir.save(it->journal); !saved)
            return saved;
        done << it->dir;
    }
    steps.report(ApplyProgress::Kind::RolledBack, QString(), Text::tr("Rolled back: every file is as it was before."));
    steps.done("files restored");
    return testReloadVerify(installation, toUndo.first().journal, done, steps);
}

Status rollbackWithSteps(const ServerInstallation& installation, const QString& stateDir, Steps& steps)
{
    auto session = openSession(installation, stateDir);
    if (!session)
        return session.error();
    auto before = session->history.steps();
    if (!before)
        return before.error();
    auto recovered = recover(installation, session->history);
    if (!recovered)
        return recovered.error();
    auto history = loadHistory(installation, session->history);
    if (!history)
        return history.error();
    if (!recovered->isEmpty()) {
        steps.report(ApplyProgress::Kind::Recovered, QString(), recovered.value());
        // An interrupted apply or rollback was the last run and is now undone: that was the rollback asked for.
        if (history->size() < before->size())
            return {};
    }
    if (history->isEmpty())
        return Error {Text::tr("There is nothing to roll back: no configuration was applied to this server."), {}};
    if (auto room = roomToStepBack({history->last()}, session->history.path()); !room)
        return room;
    return stepBack(installation, {history->last()}, steps);
}

// A change the setup of a domain shares with others (an include line, a module link): not under its certificate
// folder, and neither its site file nor the link to it.
bool shared(const JournalEntry& entry, const ApplyJournal& journal)
{
    if (entry.target == journal.siteFile
        || (!journal.certDir.isEmpty() && entry.target.startsWith(journal.certDir + QLatin1Char('/'))))
        return false;
    return QFileInfo(entry.target).fileName() != QFileInfo(journal.siteFile).fileName();
}

// A later apply for another domain relies on what `from` shared: its entry (and backup) moves to `to`, whose
// rollback then puts back the original.
Status handOver(LoadedStep& from, LoadedStep& to)
{
    QList<JournalEntry> kept;
    QList<JournalEntry> moved;
    for (const JournalEntry& entry : std::as_const(from.journal.entries))
        (shared(entry, from.journal) ? moved : kept) << entry;
    QStringList keptDirs;
    QStringList movedDirs; // in the order they were made
    for (const QString& dir : std::as_const(from.journal.createdDirs))
        (dir == from.journal.certDir ? keptDirs : movedDirs) << dir;
    if (moved.isEmpty() && movedDirs.isEmpty())
        return {};
    if (auto made = fileops::makeTrustedFolder(to.dir.backupDir()); !made)
        return made;
    for (qsizetype i = moved.size() - 1; i >= 0; --i) {
        JournalEntry entry = moved.at(i);
        if (!entry.backup.isEmpty()) {
            QFile source(entry.backup);
            if (!source.open(QIODevice::ReadOnly))
                return Error {Text::tr("Cannot read the backup %1: %2").arg(entry.backup, source.errorString()), {}};
            entry.backup = to.dir.backupDir() + QStringLiteral("/from-%1-%2").arg(from.number).arg(i);
            if (auto written = fileops::writeAtomically(entry.backup, source.readAll(), {}, true); !written)
                return written;
        }
        to.journal.entries.prepend(entry);
    }
    to.journal.createdDirs = movedDirs + to.journal.createdDirs;
    if (auto saved = to.dir.save(to.journal); !saved)
        return saved;
    from.journal.entries = kept;
    from.journal.createdDirs = keptDirs;
    return from.dir.save(from.journal);
}

// A later step recorded what the port served while the removed domain's site was there: from now on, its rollback
// expects what was served before that site (as the removed domain's oldest step recorded it).
void forgetServedBy(const ApplyJournal& removed, ApplyJournal& later)
{
    QList<int> ports;
    for (const QJsonValue& listen : removed.verification.value(QLatin1String("listen")).toArray()) {
        for (const ListenAddress& address : parseListen(listen.toString()))
            ports << address.port;
    }
    const auto key = [](const QJsonObject& o) {
        return o.value(QLatin1String("name")).toString() + QLatin1Char('|') + o.value(QLatin1String("host")).toString()
            + QLatin1Char('|') + QString::number(o.value(QLatin1String("port")).toInt());
    };
    QHash<QString, QJsonObject> before;
    for (const QJsonValue& v : removed.verification.value(QLatin1String("served_before")).toArray())
        before.insert(key(v.toObject()), v.toObject());
    QJsonArray kept;
    for (const QJsonValue& v : later.verification.value(QLatin1String("served_before")).toArray()) {
        const QJsonObject o = v.toObject();
        if (before.contains(key(o)))
            kept.append(before.value(key(o)));
        else if (!ports.contains(o.value(QLatin1String("port")).toInt()))
            kept.append(o);
    }
    later.verification.insert(QStringLiteral("served_before"), kept);
}

Status removeWithSteps(const ServerInstallation& installation, const QString& domainName, const QString& stateDir,
                       Steps& steps)
{
    auto domain = configsyntax::normalizeDomain(domainName);
    if (!domain)
        return domain.error();
    auto session = openSession(installation, stateDir);
    if (!session)
        return session.error();
    auto recovered = recover(installation, session->history);
    if (!recovered)
        return recovered.error();
    if (!recovered->isEmpty())
        steps.report(ApplyProgress::Kind::Recovered, QString(), recovered.value());
    auto history = loadHistory(installation, session->history);
    if (!history)
        return history.error();
    QList<LoadedStep> all = history.value();
    QList<LoadedStep> mine;
    for (const LoadedStep& step : std::as_const(all)) {
        if (step.journal.domain == domain.value())
            mine << step;
    }
    if (auto room = roomToStepBack(mine, session->history.path()); !room)
        return room;
    QList<LoadedStep> ours;
    for (qsizetype i = 0; i < all.size(); ++i) {
        LoadedStep& step = all[i];
        if (step.journal.domain != domain.value())
            continue;
        // What a later setup of another domain still relies on stays, and that setup's rollback puts it back.
        for (qsizetype j = i + 1; j < all.size(); ++j) {
            if (all[j].journal.domain != domain.value()) {
                if (auto handed = handOver(step, all[j]); !handed)
                    return handed;
                break;
            }
        }
        ours << step;
    }
    if (!ours.isEmpty()) {
        for (LoadedStep& later : all) {
            if (later.number > ours.first().number && later.journal.domain != domain.value()) {
                forgetServedBy(ours.first().journal, later.journal);
                if (auto saved = later.dir.save(later.journal); !saved)
                    return saved;
            }
        }
    }
    if (ours.isEmpty())
        return Error {Text::tr("There is nothing to remove: no configuration for %1 was applied to this server.")
                          .arg(domain.value()),
                      {}};
    return stepBack(installation, ours, steps);
}

} // namespace

Result<QString> recoverInterruptedApply(const ServerInstallation& installation, const QString& stateDir)
{
    auto session = openSession(installation, stateDir);
    if (!session)
        return session.error();
    return recover(installation, session->history);
}

Status rollbackLastApply(const ServerInstallation& installation, const QString& stateDir,
                         const ApplyProgressCallback& progress)
{
    Steps steps(progress);
    Status status = rollbackWithSteps(installation, stateDir, steps);
    if (!status && !steps.failedReported())
        steps.failed(QString(), status.error().message);
    return status;
}

Status removeDomainSetup(const ServerInstallation& installation, const QString& domain, const QString& stateDir,
                         const ApplyProgressCallback& progress)
{
    Steps steps(progress);
    Status status = removeWithSteps(installation, domain, stateDir, steps);
    if (!status && !steps.failedReported())
        steps.failed(QString(), status.error().message);
    return status;
}

} // namespace mtls
