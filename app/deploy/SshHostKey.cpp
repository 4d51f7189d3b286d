#include "SshHostKey.h"

#include "SshFindings.h"
#include "core/Logging.h"
#include "core/TextEscape.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SshHostKey)
};

using namespace std::chrono_literals;

// What `ssh -G` says ssh will use for the target, with ~/.ssh/config applied.
struct Endpoint
{
    QString hostname;
    int port = 22;
    QString hostKeyAlias;
    bool proxied = false; // ProxyJump or ProxyCommand
};

Result<Endpoint> resolveEndpoint(const QString& ssh, const SshOptions& options)
{
    QStringList arguments {QStringLiteral("-G")};
    if (options.target.port > 0)
        arguments << QStringLiteral("-p") << QString::number(options.target.port);
    if (!options.target.user.isEmpty())
        arguments << QStringLiteral("-l") << options.target.user;
    arguments << QStringLiteral("--") << options.target.host;
    const SshToolRun run = runSshTool(ssh, arguments, {}, 30s);
    if (!run.started || run.timedOut || run.exitCode != 0)
        return sshError(
            errorFinding(QStringLiteral("SSH_CONFIG_UNREADABLE"),
                         Text::tr("ssh could not read its configuration for %1.").arg(options.target.display()),
                         Text::tr("Run ssh -G %1 in a terminal and correct what it reports in "
                                  "~/.ssh/config.")
                             .arg(options.target.host)),
            run.errorOutput);
    Endpoint endpoint;
    endpoint.hostname = options.target.host;
    endpoint.port = options.target.port > 0 ? options.target.port : 22;
    for (const QByteArray& rawLine : run.output.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (space <= 0)
            continue;
        const QString key = line.left(space).toLower();
        const QString value = line.mid(space + 1).trimmed();
        if (key == QLatin1String("hostname"))
            endpoint.hostname = value.toLower();
        else if (key == QLatin1String("port"))
            endpoint.port = value.toInt();
        else if (key == QLatin1String("hostkeyalias") && value != QLatin1String("none"))
            endpoint.hostKeyAlias = value;
        else if ((key == QLatin1String("proxyjump") || key == QLatin1String("proxycommand"))
                 && value != QLatin1String("none"))
            endpoint.proxied = true;
    }
    // Handed to ssh-keyscan and ssh-keygen as an argument: never an option, never a space or a control character.
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_:\\[][A-Za-z0-9._:%\\[\\]-]*$"));
    if (!safe.match(endpoint.hostname).hasMatch() || endpoint.port < 1 || endpoint.port > 65535
        || (!endpoint.hostKeyAlias.isEmpty() && !safe.match(endpoint.hostKeyAlias).hasMatch()))
        return refusedBy(errorFinding(
            QStringLiteral("SSH_CONFIG_UNREADABLE"),
            Text::tr("ssh's configuration turns %1 into a host name or port that cannot be used: %2.")
                .arg(options.target.display(),
                     escapeControlCharacters(endpoint.hostname + QLatin1Char(' ') + QString::number(endpoint.port))),
            Text::tr("Correct the HostName, Port or HostKeyAlias line for this host in ~/.ssh/config.")));
    return endpoint;
}

QString knownHostsNameOf(const Endpoint& endpoint)
{
    if (!endpoint.hostKeyAlias.isEmpty())
        return endpoint.hostKeyAlias;
    if (endpoint.port == 22)
        return endpoint.hostname;
    return QStringLiteral("[%1]:%2").arg(endpoint.hostname).arg(endpoint.port);
}

QString sha256Fingerprint(const QByteArray& base64Key)
{
    const QByteArray blob = QByteArray::fromBase64(base64Key);
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(
               QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64(QByteArray::OmitTrailingEquals));
}

// The order in which ssh prefers host key algorithms (OpenSSH's default HostKeyAlgorithms).
int preference(const QString& type)
{
    static const QStringList order {QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
                                    QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521"),
                                    QStringLiteral("ssh-rsa")};
    const qsizetype index = order.indexOf(type);
    return index < 0 ? int(order.size()) : int(index);
}

struct KnownEntry
{
    QString marker; // "", "@revoked", "@cert-authority"
    QString type;
    QByteArray key;
};

// What the known-hosts file holds for `name` (ssh-keygen -F, which also finds hashed names).
Result<QList<KnownEntry>> knownEntries(const QString& keygen, const QString& file, const QString& name)
{
    if (!QFileInfo::exists(file))
        return QList<KnownEntry> {};
    const SshToolRun run = runSshTool(keygen, {QStringLiteral("-F"), name, QStringLiteral("-f"), file}, {}, 30s);
    if (!run.started || run.timedOut || (run.exitCode != 0 && run.exitCode != 1))
        return sshError(errorFinding(QStringLiteral("SSH_KNOWN_HOSTS_UNREADABLE"),
                                     Text::tr("The known-hosts file %1 cannot be read.").arg(file),
                                     Text::tr("Check that the file is readable and holds known-hosts lines, or name "
                                              "another file.")),
                        run.errorOutput);
    QList<KnownEntry> entries;
    for (const QByteArray& rawLine : run.output.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        KnownEntry entry;
        if (!fields.isEmpty() && fields.first().startsWith(QLatin1Char('@')))
            entry.marker = fields.takeFirst();
        if (fields.size() < 3)
            continue;
        entry.type = fields.at(1);
        entry.key = fields.at(2).toLatin1();
        entries.append(entry);
    }
    return entries;
}

// The server's keys: ssh-keyscan, bounded by the connection timeout; then ssh-keygen -l for each key's fingerprint
// line as the user sees it in a terminal.
Result<QList<SshHostKey>> scanKeys(const SshOptions& options, const Endpoint& endpoint)
{
    const auto keyscan = findSshProgram(QStringLiteral("ssh-keyscan"));
    if (!keyscan)
        return keyscan.error();
    const auto keygen = findSshProgram(QStringLiteral("ssh-keygen"));
    if (!keygen)
        return keygen.error();
    const qint64 seconds = std::max<qint64>(1, options.connectTimeout.count());
    const SshToolRun scan = runSshTool(*keyscan,
                                       {QStringLiteral("-T"), QString::number(seconds), QStringLiteral("-p"),
                                        QString::number(endpoint.port), QStringLiteral("--"), endpoint.hostname},
                                       {}, std::chrono::seconds(seconds + 5));
    QList<SshHostKey> keys;
    QByteArray lines;
    for (const QByteArray& rawLine : scan.output.split('\n')) {
        const QList<QByteArray> fields = rawLine.trimmed().split(' ');
        if (fields.size() < 3 || fields.first().startsWith('#'))
            continue;
        SshHostKey key;
        key.type = QString::fromLatin1(fields.at(1));
        key.key = fields.at(2);
        static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/]+=*$"));
        if (!base64.match(QString::fromLatin1(key.key)).hasMatch())
            continue;
        key.fingerprint = sha256Fingerprint(key.key);
        keys.append(key);
        lines += "host " + fields.at(1) + ' ' + fields.at(2) + '\n';
    }
    if (keys.isEmpty()) {
        if (scan.errorOutput.contains("getaddrinfo") || scan.errorOutput.contains("Name or service not known"))
            return sshError(sshUnreachableFinding(options), scan.errorOutput);
        // ssh-keyscan says nothing on a refused connection and on a timeout: it took the whole bound, or not.
        if (scan.timedOut || scan.elapsedMs >= seconds * 1000 - 500)
            return sshError(sshTimeoutFinding(options), scan.errorOutput);
        return sshError(sshUnreachableFinding(options), scan.errorOutput);
    }

    const SshToolRun list = runSshTool(*keygen,
                                       {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                                        QStringLiteral("-f"), QStringLiteral("-")},
                                       lines, 30s);
    // "256 SHA256:… host (ED25519)"
    static const QRegularExpression listed(QStringLiteral("^(\\d+) (SHA256:\\S+) .*\\(([^()]+)\\)$"));
    QHash<QString, QPair<int, QString>> described;
    for (const QByteArray& rawLine : list.output.split('\n')) {
        const auto match = listed.match(QString::fromUtf8(rawLine).trimmed());
        if (match.hasMatch())
            described.insert(match.captured(2), {match.captured(1).toInt(), match.captured(3)});
    }
    for (SshHostKey& key : keys) {
        const auto found = described.constFind(key.fingerprint);
        if (found != described.constEnd()) {
            key.bits = found->first;
            key.displayType = found->second;
        } else {
            key.displayType = key.type;
        }
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const SshHostKey& a, const SshHostKey& b) { return preference(a.type) < preference(b.type); });
    return keys;
}

Finding unknownFinding(const SshOptions& options, const HostKeyCheck& check)
{
    const SshHostKey& key = check.offered.first();
    return errorFinding(QStringLiteral("SSH_HOST_KEY_UNKNOWN"),
                        Text::tr("The server %1 is not known yet. Its %2 host key has the fingerprint %3.")
                            .arg(options.target.display(), key.displayType, key.fingerprint),
                        Text::tr("Compare this fingerprint with the one the server's administrator gives you (on "
                                 "the server: ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub). If they are the "
                                 "same, accept the key (on the command line: --accept-host-key %1); it is then "
                                 "recorded in %2.")
                            .arg(key.fingerprint, check.knownHostsFile),
                        check.knownHostsFile);
}

Finding changedFinding(const SshOptions& options, const HostKeyCheck& check)
{
    const QString offered = check.offered.isEmpty()
        ? QString()
        : QStringLiteral("%1 %2").arg(check.offered.first().displayType, check.offered.first().fingerprint);
    return errorFinding(
        QStringLiteral("SSH_HOST_KEY_CHANGED"),
        Text::tr("The host key of %1 has changed: the server now presents the key %2, not the one recorded in %3. "
                 "The server may have been reinstalled, or someone between you and the server may be intercepting "
                 "the connection. The assistant did not connect.")
            .arg(options.target.display(), offered, check.knownHostsFile),
        Text::tr("Check the new fingerprint with the server's administrator. Only if it is right, remove the old key "
                 "with: ssh-keygen -R \"%1\" -f \"%2\", then connect again and accept the new key.")
            .arg(check.knownHostsName, check.knownHostsFile),
        check.knownHostsFile);
}

} // namespace

Result<HostKeyCheck> checkHostKey(const SshOptions& options, HostKeyScan scan)
{
    const auto ssh = findSshProgram(QStringLiteral("ssh"));
    if (!ssh)
        return ssh.error();
    const auto keygen = findSshProgram(QStringLiteral("ssh-keygen"));
    if (!keygen)
        return keygen.error();
    HostKeyCheck check;
    check.knownHostsFile = knownHostsFileOf(options);
    if (check.knownHostsFile.contains(QLatin1Char('"')))
        return Error {Text::tr("The known-hosts file's path must not contain a double quote: %1.")
                          .arg(escapeControlCharacters(check.knownHostsFile))};
    const auto endpoint = resolveEndpoint(*ssh, options);
    if (!endpoint)
        return endpoint.error();
    check.knownHostsName = knownHostsNameOf(*endpoint);
    const auto known = knownEntries(*keygen, check.knownHostsFile, check.knownHostsName);
    if (!known)
        return known.error();
    QList<KnownEntry> plain;
    bool revoked = false;
    for (const KnownEntry& entry : *known) {
        if (entry.marker.isEmpty())
            plain.append(entry);
        else if (entry.marker == QLatin1String("@revoked"))
            revoked = true;
    }

    // Known without reading the server's keys: ssh's strict check against the file decides when it connects (a
    // changed key is refused there, and changedHostKeyError() then reads the keys for the finding).
    if (!plain.isEmpty() && (endpoint->proxied || (scan == HostKeyScan::WhenNotKnown && !revoked))) {
        check.state = HostKeyState::Known;
        qCInfo(lcServer) << "host key of" << check.knownHostsName << "in" << check.knownHostsFile
                         << "is known (not read: ssh's strict check decides)";
        return check;
    }
    if (endpoint->proxied) {
        return refusedBy(errorFinding(
            QStringLiteral("SSH_HOST_KEY_UNREADABLE"),
            Text::tr("%1 is reached through a ProxyJump or ProxyCommand of your ssh configuration, so the assistant "
                     "cannot read its host key to show it to you.")
                .arg(options.target.display()),
            Text::tr("Add the server's key to %1 yourself (for example, from a machine that reaches it: ssh-keyscan "
                     "HOST, and check the fingerprint with the administrator), or name a known-hosts file that "
                     "already holds it (--known-hosts ~/.ssh/known_hosts).")
                .arg(check.knownHostsFile),
            check.knownHostsFile));
    }

    const auto offered = scanKeys(options, *endpoint);
    if (!offered)
        return offered.error();
    check.offered = *offered;
    bool matches = false;
    for (const KnownEntry& entry : *known) {
        for (const SshHostKey& key : check.offered) {
            if (entry.type == key.type && entry.key == key.key) {
                if (entry.marker == QLatin1String("@revoked")) {
                    check.state = HostKeyState::Changed;
                    check.finding = changedFinding(options, check);
                    return check;
                }
                if (entry.marker.isEmpty())
                    matches = true;
            }
        }
    }
    if (matches)
        check.state = HostKeyState::Known;
    else if (!plain.isEmpty())
        check.state = HostKeyState::Changed;
    else
        check.state = HostKeyState::Unknown;
    if (check.state == HostKeyState::Unknown)
        check.finding = unknownFinding(options, check);
    else if (check.state == HostKeyState::Changed)
        check.finding = changedFinding(options, check);
    static const char* const stateNames[] = {"known", "unknown", "changed"};
    qCInfo(lcServer) << "host key of" << check.knownHostsName << "in" << check.knownHostsFile << "is"
                     << stateNames[int(check.state)];
    return check;
}

Status acceptHostKey(const HostKeyCheck& check, const QString& fingerprint)
{
    if (check.state == HostKeyState::Changed)
        return refusedBy(check.finding);
    if (check.state == HostKeyState::Known)
        return {};
    const SshHostKey* accepted = nullptr;
    for (const SshHostKey& key : check.offered) {
        if (key.fingerprint == fingerprint.trimmed())
            accepted = &key;
    }
    if (!accepted) {
        QStringList offered;
        for (const SshHostKey& key : check.offered)
            offered << key.displayType + QLatin1Char(' ') + key.fingerprint;
        return refusedBy(errorFinding(
            QStringLiteral("SSH_HOST_KEY_MISMATCH"),
            Text::tr("The server %1 offers no host key with the fingerprint %2 that was given to accept; it offers: "
                     "%3. The assistant did not connect.")
                .arg(check.knownHostsName, escapeControlCharacters(fingerprint), offered.join(QStringLiteral(", "))),
            Text::tr("Check the fingerprint with the server's administrator. If it differs from what the server "
                     "offers, someone between you and the server may be intercepting the connection.")));
    }
    const QFileInfo info(check.knownHostsFile);
    QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(QStringLiteral(".")))
            return Error {Text::tr("Cannot create the folder %1 for the known-hosts file.").arg(folder.path())};
        QFile::setPermissions(folder.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile file(check.knownHostsFile);
    const bool isNew = !file.exists();
    QByteArray line = check.knownHostsName.toUtf8() + ' ' + accepted->type.toLatin1() + ' ' + accepted->key + '\n';
    if (!isNew && file.size() > 0) {
        // A file whose last line has no line end: start a line of our own.
        if (file.open(QIODevice::ReadOnly) && file.seek(file.size() - 1) && file.read(1) != "\n")
            line.prepend('\n');
        file.close();
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(line) != line.size() || !file.flush())
        return Error {Text::tr("Cannot record the host key in %1.").arg(check.knownHostsFile), file.errorString()};
    qCInfo(lcServer) << "recorded the host key" << accepted->fingerprint << "of" << check.knownHostsName;
    return {};
}

Status verifyHostKey(const SshOptions& options)
{
    const auto check = checkHostKey(options, HostKeyScan::WhenNotKnown);
    if (!check)
        return check.error();
    switch (check->state) {
    case HostKeyState::Known:
        return {};
    case HostKeyState::Changed:
        return refusedBy(check->finding);
    case HostKeyState::Unknown:
        break;
    }
    if (options.acceptedFingerprint.isEmpty())
        return refusedBy(check->finding);
    return acceptHostKey(*check, options.acceptedFingerprint);
}

std::optional<Error> changedHostKeyError(const SshOptions& options, const QByteArray& sshErrorOutput)
{
    if (!sshErrorOutput.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
        && !sshErrorOutput.contains("Host key verification failed"))
        return std::nullopt;
    const auto check = checkHostKey(options, HostKeyScan::Always);
    if (!check || check->state != HostKeyState::Changed)
        return std::nullopt;
    return refusedBy(check->finding);
}

} // namespace mtls
