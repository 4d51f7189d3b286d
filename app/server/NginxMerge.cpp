#include "NginxMerge.h"

#include "ConfigWriters.h"
#include "WebhookLog.h"

#include <QCoreApplication>

namespace mtls::nginxconf {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::NginxMerge)
};

const Directive* serverByOrdinal(const QList<Directive>& directives, int ordinal, int& counter)
{
    for (const Directive& d : directives) {
        if (d.block && d.name == QLatin1String("server") && counter++ == ordinal)
            return &d;
        if (d.block) {
            if (const Directive* found = serverByOrdinal(d.children, ordinal, counter))
                return found;
        }
    }
    return nullptr;
}

// A location's match: its modifier ("", "=", "^~", "~", "~*", "@") and path.
QPair<QString, QString> locationMatch(const Directive& location)
{
    const QString first = location.arg(0);
    for (const QString& modifier :
         {QStringLiteral("^~"), QStringLiteral("~*"), QStringLiteral("="), QStringLiteral("~"), QStringLiteral("@")}) {
        if (first == modifier)
            return {modifier, location.arg(1)};
        if (modifier != QLatin1String("@") && first.startsWith(modifier)
            && !(modifier == QLatin1String("~") && first.startsWith(QLatin1String("~*"))))
            return {modifier, first.mid(modifier.size())};
    }
    if (first.startsWith(QLatin1Char('@')))
        return {QStringLiteral("@"), first};
    return {QString(), first};
}

// The whitespace before `offset` on its line, when only whitespace precedes it there.
QByteArray indentBefore(const QByteArray& text, qsizetype offset)
{
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const QByteArray before = text.mid(lineStart, offset - lineStart);
    return before.trimmed().isEmpty() ? before : QByteArray();
}

} // namespace

QString mergeLocationMatch(const QString& webhookPath)
{
    return webhookPath.endsWith(QLatin1Char('/')) ? QStringLiteral("^~ %1").arg(webhookPath)
                                                  : QStringLiteral("= %1").arg(webhookPath);
}

QByteArray withoutMergedLines(const QByteArray& fileText)
{
    QByteArray out;
    out.reserve(fileText.size());
    qsizetype pos = 0;
    while (pos < fileText.size()) {
        const qsizetype newline = fileText.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? fileText.size() : newline + 1;
        const QByteArray line = fileText.mid(pos, end - pos);
        if (!line.trimmed().endsWith(kMergeMarker))
            out += line;
        pos = end;
    }
    return out;
}

Result<MergeEdit> mergeWebhook(const QByteArray& fileText, int ordinal, const QList<OutsideDirective>& outside,
                               const MergeParams& params, const QString& fileName)
{
    const QString path = params.webhookPath;
    if (path.isEmpty() || path == QLatin1String("/"))
        return refusedBy(errorFinding(
            QStringLiteral("MERGE_PATH_IS_ROOT"),
            Text::tr("The webhook path is \"/\": in the existing site that would ask every visitor of the website for "
                     "a client certificate."),
            Text::tr("Give the webhook a path of its own (--path /im/callback), or use a name of its own for it "
                     "(--mode dedicated)."),
            fileName));
    auto quotedCa = configsyntax::quoteNginx(params.clientCaPath, Text::tr("client CA path"));
    if (!quotedCa)
        return quotedCa.error();
    QString quotedLog;
    if (!params.accessLogPath.isEmpty()) {
        auto quoted = configsyntax::quoteNginx(params.accessLogPath, Text::tr("webhook log path"));
        if (!quoted)
            return quoted.error();
        quotedLog = quoted.value();
    }

    QByteArray text = withoutMergedLines(fileText);
    auto parsed = parseText(text);
    if (!parsed)
        return Error {
            Text::tr("%1 cannot be read as an nginx configuration: %2").arg(fileName, parsed.error().message)};
    int counter = 0;
    const Directive* server = serverByOrdinal(parsed.value(), ordinal, counter);
    if (!server)
        return Error {Text::tr("%1 no longer holds the site's server { } block.").arg(fileName)};

    // Client verification set otherwise, in the server block (or a file it includes) or inherited from http {}.
    QList<OutsideDirective> settings = outside;
    for (const Directive& child : server->children)
        settings << OutsideDirective {&child, fileName};
    bool depthSet = false;
    for (const OutsideDirective& o : std::as_const(settings)) {
        const Directive* d = o.directive;
        const bool inServer = !o.file.isEmpty();
        depthSet = depthSet || (inServer && d->name == QLatin1String("ssl_verify_depth"));
        const bool verify
            = d->name == QLatin1String("ssl_verify_client") && (inServer || d->arg(0) != QLatin1String("off"));
        if (!verify && d->name != QLatin1String("ssl_client_certificate"))
            continue;
        const QString where
            = inServer ? QStringLiteral("%1:%2").arg(o.file).arg(d->line) : Text::tr("the http { } block");
        return refusedBy(errorFinding(
            QStringLiteral("MERGE_CLIENT_VERIFICATION"),
            Text::tr("The site already sets client certificates itself (\"%1 %2\", %3), so the webhook's settings "
                     "cannot be added without changing what it asks of its visitors.")
                .arg(d->name, d->args.join(QLatin1Char(' ')), where),
            Text::tr("Remove that line if the site does not need it, or use a name of its own for the webhook "
                     "(--mode dedicated)."),
            fileName));
    }

    // A location the user wrote for the same path.
    const QString ours = mergeLocationMatch(path);
    const QString ourPath = ours.section(QLatin1Char(' '), 1);
    MergeEdit edit;
    for (const Directive& child : server->children) {
        if (child.name != QLatin1String("location") || !child.block)
            continue;
        const auto [modifier, locationPath] = locationMatch(child);
        if (modifier.startsWith(QLatin1Char('~')) || modifier == QLatin1String("@") || locationPath != ourPath)
            continue;
        if (!params.replaceLocation)
            return refusedBy(errorFinding(
                QStringLiteral("MERGE_LOCATION_EXISTS"),
                Text::tr("The site already has a location for %1 (%2:%3, \"location %4\"), so nothing was changed.")
                    .arg(path, fileName)
                    .arg(child.line)
                    .arg(child.args.join(QLatin1Char(' '))),
                Text::tr("Give the webhook another path, or add --replace-location to replace that location with the "
                         "webhook's (rollback puts it back)."),
                fileName));
        // Taken out with its indentation, and with the end of its last line when it had a line of its own.
        const qsizetype lineStart = text.lastIndexOf('\n', child.start - 1) + 1;
        const bool ownLine = text.mid(lineStart, child.start - lineStart).trimmed().isEmpty();
        const qsizetype from = ownLine ? lineStart : child.start;
        qsizetype to = child.end;
        while (to < text.size() && (text.at(to) == ' ' || text.at(to) == '\t' || text.at(to) == '\r'))
            ++to;
        if (ownLine && to < text.size() && text.at(to) == '\n')
            ++to;
        else
            to = child.end;
        edit.replacedLocationLine = child.line;
        text.remove(from, to - from);
        parsed = parseText(text);
        counter = 0;
        server = parsed ? serverByOrdinal(parsed.value(), ordinal, counter) : nullptr;
        if (!server)
            return Error {Text::tr("%1 cannot be edited: the location could not be taken out.").arg(fileName)};
        break;
    }

    // The indentation of the block's directives, the file's line ending.
    QByteArray indent = "    ";
    for (const Directive& child : server->children) {
        if (const QByteArray found = indentBefore(text, child.start); !found.isEmpty()) {
            indent = found;
            break;
        }
    }
    const QByteArray eol = text.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
    const QByteArray mark = QByteArray(" ") + kMergeMarker;
    QByteArray lines;
    const auto add = [&](const QByteArray& depth, const QString& line) { lines += depth + line.toUtf8() + mark + eol; };
    add(indent,
        QStringLiteral("# Chat webhook: a client certificate from the Chat client CA on %1 only (mTLS Assistant).")
            .arg(path));
    add(indent, QStringLiteral("ssl_client_certificate %1;").arg(quotedCa.value()));
    add(indent, QStringLiteral("ssl_verify_client optional;"));
    if (!depthSet) // nginx refuses a second one in the same block; the site's own is kept
        add(indent, QStringLiteral("ssl_verify_depth %1;").arg(params.verifyDepth));
    add(indent, QStringLiteral("location %1 {").arg(ours));
    if (!quotedLog.isEmpty())
        add(indent + indent, webhooklog::nginxAccessLog(params.domain, quotedLog, false));
    add(indent + indent, QStringLiteral("if ($ssl_client_verify != SUCCESS) { return 403; }"));
    for (const QString& line : detail::nginxProxyDirectives(params.upstream))
        add(indent + indent, line);
    add(indent, QStringLiteral("}"));

    // Before the line of the "}" that closes the server block, when that line starts among the block's own
    // directives (the added lines then come out again byte for byte); else right before the "}". After everything
    // the site has, so after a panel's #SSL-START ... #SSL-END lines, never between them.
    const qsizetype close = server->blockClose;
    const qsizetype lineStart = text.lastIndexOf('\n', close - 1) + 1;
    bool ownLine = lineStart > server->blockOpen;
    for (const Directive& child : server->children)
        ownLine = ownLine && !(child.start < lineStart && lineStart < child.end);
    if (ownLine)
        text.insert(lineStart, lines);
    else
        text.insert(close, eol + lines);

    // The log format, on one line, at the level of the server block (http {}): nginx allows it nowhere else.
    if (!quotedLog.isEmpty()) {
        const QByteArray format
            = webhooklog::nginxLogFormat(params.domain).replace(QStringLiteral("\n    "), QStringLiteral(" ")).toUtf8()
            + mark + eol;
        // (lastIndexOf from -1 would search from the end.)
        const qsizetype serverLine = server->start > 0 ? text.lastIndexOf('\n', server->start - 1) + 1 : 0;
        const QByteArray before = text.mid(serverLine, server->start - serverLine);
        if (before.trimmed().isEmpty())
            text.insert(serverLine, before + format);
        else
            text.insert(server->start, eol + format);
    }
    edit.location = QStringLiteral("location %1").arg(ours);
    edit.changed = text != fileText;
    edit.text = edit.changed ? text : fileText;
    return edit;
}

} // namespace mtls::nginxconf
