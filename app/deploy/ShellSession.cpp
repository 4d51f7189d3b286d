#include "ShellSession.h"

#include "InstallScript.h"
#include "core/ChildProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRandomGenerator>

namespace mtls {

namespace {

constexpr qsizetype kMaxErrorOutput = 1024 * 1024;
constexpr int kPollMilliseconds = 50;
constexpr qsizetype kKeptHanded = 1024 * 1024;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ShellSession)
};

QByteArray randomMarker()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QByteArrayLiteral("__mtls_done_") + bytes.toHex();
}

// Hands the complete lines of `output` from `*handed` that end before `end` to `onLine`.
void handLines(const QByteArray& output, qsizetype end, qsizetype* handed, const ShellSession::LineHandler& onLine)
{
    for (;;) {
        const qsizetype newline = output.indexOf('\n', *handed);
        if (newline < 0 || newline >= end)
            return;
        if (onLine)
            onLine(output.mid(*handed, newline - *handed));
        *handed = newline + 1;
    }
}

} // namespace

ShellSession::ShellSession()
    : m_marker(randomMarker())
{
}

ShellSession::~ShellSession()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

Status ShellSession::start(const QString& program, const QStringList& arguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    prepareChild(*m_process);
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return Error(Text::tr("Could not start %1: %2").arg(program, m_process->errorString()));
    return {};
}

bool ShellSession::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ShellSession::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

int ShellSession::exitCode() const
{
    return m_process && m_process->state() == QProcess::NotRunning ? m_process->exitCode() : -1;
}

void ShellSession::kill()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void ShellSession::endSession()
{
    if (!isRunning())
        return;
    // Without its input the shell (or ssh, whose server then hangs the remote session up) ends; a command that holds
    // on is killed with the process.
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(1000))
        kill();
}

bool ShellSession::readSome(std::chrono::milliseconds wait)
{
    if (!m_process)
        return false;
    const bool running = m_process->state() != QProcess::NotRunning;
    if (running)
        m_process->waitForReadyRead(int(wait.count()));
    const QByteArray out = m_process->readAllStandardOutput();
    m_pending += out;
    m_error += m_process->readAllStandardError();
    if (m_error.size() > kMaxErrorOutput)
        m_error = m_error.right(kMaxErrorOutput / 2);
    return running || !out.isEmpty();
}

Status ShellSession::write(const QByteArray& bytes)
{
    if (!isRunning())
        return Error(Text::tr("The shell has ended."));
    if (m_process->write(bytes) != bytes.size() || !m_process->waitForBytesWritten(10000))
        return Error(Text::tr("Could not write to the shell: %1").arg(m_process->errorString()));
    return {};
}

bool ShellSession::waitForError(const QByteArray& needle, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    while (!m_error.contains(needle)) {
        if (deadline.hasExpired() || !readSome(std::chrono::milliseconds(kPollMilliseconds)))
            return m_error.contains(needle);
    }
    return true;
}

Result<ShellRun> ShellSession::run(const QByteArray& command, std::chrono::milliseconds timeout,
                                   const LineHandler& onLine, qsizetype maxOutput)
{
    if (!isRunning())
        return Error(Text::tr("The shell has ended."), QString::fromUtf8(m_error));
    m_pending.clear();
    // The group's input is /dev/null so that no command reads the session's next commands. The marker follows the
    // output directly (every newline before it is the command's), found wherever it is.
    const QByteArray framed = "{\n" + command + "\n} </dev/null 2>&1\nprintf '%s %d\\n' '" + m_marker + "' \"$?\"\n";
    if (Status written = write(framed); !written)
        return written.error();

    const QByteArray end = m_marker + ' ';
    const QDeadlineTimer deadline(timeout);
    qsizetype handed = 0;
    for (;;) {
        const qsizetype at = m_pending.indexOf(end);
        const qsizetype statusEnd = at < 0 ? -1 : m_pending.indexOf('\n', at + end.size());
        if (statusEnd >= 0) {
            handLines(m_pending, at, &handed, onLine);
            if (handed < at && onLine)
                onLine(m_pending.mid(handed, at - handed));
            ShellRun result;
            bool numeric = false;
            result.exitCode = m_pending.mid(at + end.size(), statusEnd - at - end.size()).trimmed().toInt(&numeric);
            if (!numeric)
                result.exitCode = -1;
            result.output = m_pending.left(at);
            m_pending.remove(0, statusEnd + 1);
            return result;
        }
        handLines(m_pending, at >= 0 ? at : m_pending.size(), &handed, onLine);
        if (onLine && handed > kKeptHanded) { // what the handler has seen is not kept: a follower stays bounded
            m_pending.remove(0, handed);
            handed = 0;
        }
        if (m_stopRequested) {
            ShellRun result;
            result.stopped = true;
            result.output = m_pending.left(handed);
            endSession();
            return result;
        }
        if (m_pending.size() > maxOutput) {
            kill();
            return Error(
                Text::tr("The command printed more than %1 MB; it was stopped.").arg(maxOutput / (1024 * 1024)));
        }
        if (deadline.hasExpired()) {
            kill();
            return Error(Text::tr("The command did not finish within %1 s; the connection was closed.")
                             .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()),
                         QString::fromUtf8(m_pending.right(4096)));
        }
        if (!readSome(std::chrono::milliseconds(kPollMilliseconds))) {
            return Error(Text::tr("The shell ended before the command finished."),
                         QString::fromUtf8(m_error.right(4096)));
        }
    }
}

QByteArray uploadCommand(const QString& path, const QByteArray& content, int mode)
{
    // printf is a builtin of every sh (dash, bash, ash): the content is never on a command line that /proc shows,
    // and unlike a here-document, which bash may spool to a temporary file, it never touches a disk but at `path`.
    const QByteArray quoted = shellQuote(path).toUtf8();
    QByteArray text = "(umask 077 && printf '%s\\n'";
    const QByteArray encoded = content.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        text += " \\\n'" + encoded.mid(i, 76) + '\'';
    text += " | base64 -d > " + quoted + ") && chmod " + QByteArray::number(mode, 8) + ' ' + quoted;
    return text;
}

} // namespace mtls
