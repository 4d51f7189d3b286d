#include "ApplyRun.h"

#include "ApplyService.h"
#include "core/Logging.h"
#include "core/TextJoin.h"
#include "server/ServerControl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <csignal>
#include <cstdlib>

namespace mtls::applyrun {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyService)
};

} // namespace

Steps::Steps(ApplyProgressCallback progress)
    : m_progress(std::move(progress))
    , m_exitAfter(qEnvironmentVariableIntValue("MTLS_APPLY_EXIT_AFTER_STEP"))
    , m_stopAfter(qEnvironmentVariableIntValue("MTLS_APPLY_STOP_AFTER_STEP"))
{
}

void Steps::report(ApplyProgress::Kind kind, const QString& path, const QString& text)
{
    m_failedReported = m_failedReported || kind == ApplyProgress::Kind::Failed;
    if (m_progress)
        m_progress(ApplyProgress {kind, path, text});
}

void Steps::failed(const QString& path, const QString& why)
{
    report(ApplyProgress::Kind::Failed, path, Text::tr("Failed: %1").arg(why));
}

void Steps::done(const char* what)
{
    ++m_count;
    qCDebug(lcServer) << "apply step" << m_count << what;
    if (m_exitAfter > 0 && m_count == m_exitAfter)
        std::_Exit(86);
#ifdef Q_OS_UNIX
    if (m_stopAfter > 0 && m_count == m_stopAfter)
        ::raise(SIGSTOP); // until a SIGCONT
#endif
}

void Steps::done(const char* what, ApplyProgress::Kind kind, const QString& path, const QString& text)
{
    report(kind, path, text);
    done(what);
}

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString stateDirFor(const ServerInstallation& installation, const QString& given)
{
    return given.isEmpty() ? defaultApplyStateDir(installation) : QDir(given).absolutePath();
}

Result<Session> openSession(const ServerInstallation& installation, const QString& stateDir)
{
    Session session;
    auto lock = InstallationLock::acquire(installation);
    if (!lock)
        return lock.error();
    session.lock = lock.value();
    session.history = ApplyHistory(stateDirFor(installation, stateDir));
    if (auto opened = session.history.open(); !opened)
        return opened.error();
    return session;
}

Result<ApplyJournal> loadStep(const ServerInstallation& installation, const ApplyStateDir& step)
{
    auto journal = step.load();
    if (!journal)
        return journal.error();
    if (auto valid = journal->validate(installation, step.backupDir()); !valid)
        return valid.error();
    // No folder it writes into is followed through a link another user planted since, nor is owned or writable by
    // another user.
    QStringList folders;
    if (!journal->certDir.isEmpty())
        folders << journal->certDir;
    for (const JournalEntry& entry : std::as_const(journal->entries))
        folders << QFileInfo(entry.target).absolutePath();
    folders.removeDuplicates();
    for (const QString& dir : std::as_const(folders)) {
        if (auto trusted = fileops::checkTrustedFolder(dir, true); !trusted)
            return trusted.error();
    }
    return journal;
}

Status undo(const ApplyJournal& journal, Steps* steps, const QStringList* changed)
{
    QStringList failures;
    for (auto it = journal.entries.crbegin(); it != journal.entries.crend(); ++it) {
        const bool report = steps && (!changed || changed->contains(it->target));
        fileops::removeLeftovers(it->target);
        if (auto restored = fileops::restore(*it); !restored) {
            failures << restored.error().message;
            if (report)
                steps->failed(it->target, restored.error().message);
        } else if (report) {
            steps->report(ApplyProgress::Kind::Restored, it->target,
                          it->existed ? Text::tr("Put back: %1").arg(nativePath(it->target))
                                      : Text::tr("Removed: %1").arg(nativePath(it->target)));
        }
    }
    for (auto it = journal.createdDirs.crbegin(); it != journal.createdDirs.crend(); ++it) {
        // Only when empty.
        if (fileops::removeEmptyFolder(*it) && steps)
            steps->report(ApplyProgress::Kind::DirectoryRemoved, *it,
                          Text::tr("Directory removed: %1").arg(nativePath(*it)));
    }
    if (!failures.isEmpty())
        return Error {Text::tr("Some files could not be put back; the backups are kept in the apply state directory."),
                      failures.join(QLatin1Char('\n'))};
    return {};
}

QJsonObject verificationRecord(const VerificationTarget& target, const ServedNames& before)
{
    QJsonArray listen;
    for (const ListenAddress& address : target.listen)
        listen.append(address.toString());
    // Merge: the site's own certificate is served before and after, so a rollback cannot tell by it.
    return {{QStringLiteral("listen"), listen},
            {QStringLiteral("leaf_sha256"), target.merge ? QString() : target.leafSha256},
            {QStringLiteral("mode"), target.merge ? QStringLiteral("merge") : QStringLiteral("dedicated")},
            {QStringLiteral("webhook_path"), target.webhookPath},
            {QStringLiteral("served_before"), servedNamesToJson(before)}};
}

ApplyVerifier verifierFromJournal(const ServerInstallation& installation, const ApplyJournal& journal)
{
    VerificationTarget target;
    target.installation = installation;
    target.domain = journal.domain;
    target.siteFile = journal.siteFile;
    const QJsonObject record = journal.verification;
    for (const QJsonValue& value : record.value(QLatin1String("listen")).toArray())
        target.listen += parseListen(value.toString());
    target.leafSha256 = record.value(QLatin1String("leaf_sha256")).toString();
    target.webhookPath = record.value(QLatin1String("webhook_path")).toString();
    ApplyVerifier verifier(target);
    verifier.setBefore(servedNamesFromJson(record.value(QLatin1String("served_before")).toArray()));
    return verifier;
}

bool siteExistedBefore(const ApplyJournal& journal)
{
    for (const JournalEntry& entry : journal.entries) {
        if (entry.target == journal.siteFile)
            return entry.existed;
    }
    return false;
}

Status reloadPrevious(const ServerInstallation& installation, const std::function<Status()>& verify, Steps& steps,
                      PreviousCheck check)
{
    const QString server = serverKindDisplayName(installation.kind);
    const ServerControl control(installation);
    if (auto reloaded = control.reload(); !reloaded) {
        const QString text
            = Text::tr("%1 did not reload the previous configuration: %2").arg(server, reloaded.error().message);
        steps.failed(QString(), text);
        return Error {text, reloaded.error().detail};
    }
    steps.report(ApplyProgress::Kind::Reloaded, QString(),
                 Text::tr("Reloaded: %1 read the previous configuration again.").arg(server));
    const bool afterFailure = check == PreviousCheck::AfterFailedApply;
    if (auto verified = verify(); !verified) {
        const QString text = afterFailure
            ? Text::tr("The previous configuration does not run as before either: %1").arg(verified.error().message)
            : Text::tr("The server does not serve as it did before the apply: %1").arg(verified.error().message);
        steps.failed(QString(), text);
        return Error {text, verified.error().detail};
    }
    // Right after a failed apply every name is compared with what it presented a moment before; a later rollback
    // can only check what may not have changed since (other sites may have renewed their certificates).
    steps.report(
        ApplyProgress::Kind::Verified, QString(),
        afterFailure
            ? Text::tr("Verified: %1 serves the previous configuration again, as before the change.").arg(server)
            : Text::tr("Verified: %1 answers where it did before the apply, without the certificate the apply "
                       "installed.")
                  .arg(server));
    return {};
}

namespace {

// After the files of `journal` were put back: the server reads them again, and serves as before that apply.
QString reloadAndVerify(const ServerInstallation& installation, const ApplyJournal& journal)
{
    if (auto reloaded = ServerControl(installation).reload(); !reloaded)
        return Text::tr("The server could not be reloaded (%1).").arg(reloaded.error().message);
    if (auto verified = verifierFromJournal(installation, journal).verifyRolledBack(siteExistedBefore(journal));
        !verified)
        return Text::tr("The server reloaded, but does not serve as before: %1").arg(verified.error().message);
    return Text::tr("The server serves the previous configuration again (verified).");
}

} // namespace

Result<QString> recover(const ServerInstallation& installation, const ApplyHistory& history)
{
    auto numbers = history.steps();
    if (!numbers)
        return numbers.error();
    QStringList texts;
    QList<std::pair<ApplyStateDir, ApplyJournal>> restored; // newest first
    for (auto n = numbers->crbegin(); n != numbers->crend(); ++n) {
        const ApplyStateDir step = history.step(*n);
        if (!step.hasJournal()) {
            // Killed while backing up: nothing in the server's tree was touched yet.
            if (auto removed = step.clear(); !removed)
                return removed.error();
            continue;
        }
        auto journal = loadStep(installation, step);
        if (!journal)
            return journal.error();
        ApplyJournal j = journal.value();
        // What a killed save of the journal or of a backup left in the step's folder.
        fileops::removeLeftovers(step.journalPath());
        for (const JournalEntry& entry : std::as_const(j.entries)) {
            if (!entry.backup.isEmpty())
                fileops::removeLeftovers(entry.backup);
        }
        switch (j.state) {
        case ApplyJournal::State::Done:
            continue;
        case ApplyJournal::State::RolledBack:
            if (auto removed = step.clear(); !removed)
                return removed.error();
            continue;
        case ApplyJournal::State::Reloaded: {
            // Every change was made and the server took it: only the last mark was missing.
            j.state = ApplyJournal::State::Done;
            if (auto saved = step.save(j); !saved)
                return saved.error();
            texts << Text::tr("An earlier apply for %1 was interrupted after the server reloaded; it is now marked "
                              "as finished.")
                         .arg(j.domain);
            continue;
        }
        case ApplyJournal::State::Started:
        case ApplyJournal::State::Written: {
            if (auto undone = undo(j); !undone)
                return undone.error();
            QString text
                = Text::tr("An earlier apply for %1 was interrupted; its changes were rolled back.").arg(j.domain);
            // The reload may have happened just before the interruption: make the server read the old files again.
            if (j.state == ApplyJournal::State::Written)
                text = joinSentences({text, reloadAndVerify(installation, j)});
            if (auto removed = step.clear(); !removed)
                return removed.error();
            texts << text;
            continue;
        }
        case ApplyJournal::State::RollingBack:
            if (auto undone = undo(j); !undone)
                return undone.error();
            j.state = ApplyJournal::State::Restored;
            if (auto saved = step.save(j); !saved)
                return saved.error();
            break;
        case ApplyJournal::State::Restored:
            break;
        }
        restored << std::pair {step, j};
    }
    if (!restored.isEmpty()) {
        // A rollback (or remove) was killed after putting files back: the server reads them now, and is verified
        // against what it served before the oldest of those applies.
        const ApplyJournal& oldest = restored.last().second;
        texts << joinSentences({Text::tr("An interrupted rollback for %1 was finished.").arg(oldest.domain),
                                reloadAndVerify(installation, oldest)});
        for (const auto& [step, journal] : std::as_const(restored)) {
            if (auto removed = step.clear(); !removed)
                return removed.error();
        }
    }
    return joinSentences(texts);
}

} // namespace mtls::applyrun
