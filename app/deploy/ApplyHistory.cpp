#include "ApplyHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyJournal)
};

QString stepName(int number)
{
    return QStringLiteral("%1").arg(number, 4, 10, QLatin1Char('0'));
}

} // namespace

ApplyHistory::ApplyHistory(QString stateDir)
    : m_path(QDir::cleanPath(QDir(stateDir).absolutePath()))
{
}

QString ApplyHistory::stepsDir() const
{
    return m_path + QStringLiteral("/steps");
}

ApplyStateDir ApplyHistory::step(int number) const
{
    return ApplyStateDir(stepsDir() + QLatin1Char('/') + stepName(number));
}

Status ApplyHistory::open() const
{
    if (auto made = fileops::makeTrustedFolder(m_path); !made)
        return made;
    if (QFileInfo::exists(stepsDir()) || QFileInfo(stepsDir()).isSymLink()) {
        if (auto checked = fileops::checkTrustedFolder(stepsDir()); !checked)
            return checked;
    }
    // An older version kept one journal at the top: it becomes the first step.
    const ApplyStateDir legacy(m_path);
    if (legacy.hasJournal() && !QFileInfo::exists(step(1).path())) {
        if (auto checked = fileops::checkTrustedFolder(legacy.backupDir(), true); !checked)
            return checked;
        auto journal = legacy.load();
        if (!journal)
            return journal.error();
        if (auto made = fileops::makeTrustedFolder(step(1).path()); !made)
            return made;
        ApplyJournal moved = journal.value();
        for (JournalEntry& entry : moved.entries) {
            if (!entry.backup.isEmpty())
                entry.backup = step(1).backupDir() + entry.backup.mid(legacy.backupDir().size());
        }
        if (QFileInfo::exists(legacy.backupDir()) && !QDir().rename(legacy.backupDir(), step(1).backupDir()))
            return Error {Text::tr("Cannot move the backups of %1 into the apply history.").arg(legacy.backupDir()),
                          {}};
        if (auto saved = step(1).save(moved); !saved)
            return saved;
        QFile::remove(legacy.journalPath());
    }
    return {};
}

Result<QList<int>> ApplyHistory::steps() const
{
    QList<int> numbers;
    const QStringList names = QDir(stepsDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    for (const QString& name : names) {
        bool ok = false;
        const int n = name.toInt(&ok);
        if (!ok || n <= 0 || name != stepName(n))
            continue; // not ours
        if (auto checked = fileops::checkTrustedFolder(step(n).path()); !checked)
            return checked.error();
        if (auto checked = fileops::checkTrustedFolder(step(n).backupDir(), true); !checked)
            return checked.error();
        numbers << n;
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

Result<ApplyStateDir> ApplyHistory::createStep() const
{
    auto numbers = steps();
    if (!numbers)
        return numbers.error();
    if (auto made = fileops::makeTrustedFolder(stepsDir()); !made)
        return made.error();
    const int next = numbers->isEmpty() ? 1 : numbers->last() + 1;
    const ApplyStateDir made = step(next);
    if (QFileInfo::exists(made.path()) || QFileInfo(made.path()).isSymLink())
        return Error {Text::tr("Cannot create the folder %1 for the apply history.").arg(made.path()), {}};
    if (auto checked = fileops::makeTrustedFolder(made.path()); !checked)
        return checked.error();
    return made;
}

Result<ApplyStateDir> ApplyHistory::newestStep() const
{
    auto numbers = steps();
    if (!numbers)
        return numbers.error();
    return numbers->isEmpty() ? ApplyStateDir(QString()) : step(numbers->last());
}

} // namespace mtls
