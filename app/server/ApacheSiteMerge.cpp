#include "ApacheSiteMerge.h"

#include "ConfigWriters.h"
#include "WebhookLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApacheSiteMerge)
};

using apacheconf::Directive;
using apacheconf::Placed;

const QByteArray kBegin = "# mTLS Assistant begin";
const QByteArray kEnd = "# mTLS Assistant end";
const QByteArray kReplaced = "# mTLS Assistant replaced: ";

struct Range
{
    qsizetype start = 0;
    qsizetype end = 0;
    bool contains(qsizetype offset) const { return offset >= start && offset < end; }
};

// The assistant's block in the host: from the start of its begin line to just after its end line.
std::optional<Range> blockIn(const apacheconf::File& file, const Directive& host)
{
    const QByteArray& text = file.text;
    std::optional<qsizetype> begin;
    for (qsizetype pos = host.start; pos < host.closeStart;) {
        qsizetype eol = text.indexOf('\n', pos);
        const qsizetype next = eol < 0 || eol + 1 > host.closeStart ? host.closeStart : eol + 1;
        const QByteArray line = text.mid(pos, next - pos).trimmed();
        if (line.startsWith(kBegin))
            begin = pos;
        else if (begin && line.startsWith(kEnd))
            return Range {*begin, next};
        pos = next;
    }
    return std::nullopt;
}

QString place(const Placed& p)
{
    return QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(p.file)).arg(p.directive.line);
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// Whether a URL prefix (ProxyPass, Alias) covers the webhook path: the same path, or a parent of it. "/" does not
// count: a site that proxies everything is what merge mode is for.
bool prefixCovers(const QString& prefix, const QString& path)
{
    const QString p = withoutTrailingSlash(prefix);
    const QString w = withoutTrailingSlash(path);
    if (p == QLatin1String("/") || p.isEmpty())
        return false;
    return w == p || w.startsWith(p + QLatin1Char('/'));
}

bool regexMatches(const QString& pattern, const QString& path)
{
    const QRegularExpression re(pattern);
    return re.isValid() && re.match(path).hasMatch();
}

// The directives of the host (and of what it includes) that already decide what the webhook path serves.
QList<Placed> pathOwners(const QList<Placed>& effective, const QString& path)
{
    QList<Placed> owners;
    for (const Placed& p : effective) {
        const Directive& d = p.directive;
        const QString first = d.args.value(0);
        bool owns = false;
        if (d.section && d.is(QLatin1StringView("Location")))
            owns = first == QLatin1String("~") ? regexMatches(d.args.value(1), path)
                                               : withoutTrailingSlash(first) == withoutTrailingSlash(path);
        else if (d.section && d.is(QLatin1StringView("LocationMatch")))
            owns = regexMatches(first, path);
        else if (!d.section && (d.is(QLatin1StringView("ProxyPass")) || d.is(QLatin1StringView("Alias"))))
            owns = prefixCovers(first, path);
        else if (!d.section && (d.is(QLatin1StringView("ProxyPassMatch")) || d.is(QLatin1StringView("AliasMatch"))))
            owns = regexMatches(first, path);
        if (owns)
            owners << p;
    }
    return owners;
}

QList<Placed> notOurs(const apacheconf::File& file, const Directive& host, const QList<Placed>& effective)
{
    const std::optional<Range> block = blockIn(file, host);
    QList<Placed> result;
    for (const Placed& p : effective) {
        if (block && p.file == file.path && block->contains(p.directive.start))
            continue;
        result << p;
    }
    return result;
}

QByteArray lineEnding(const apacheconf::File& file, const Directive& host)
{
    const qsizetype eol = file.text.indexOf('\n', host.start);
    return eol > 0 && file.text.at(eol - 1) == '\r' ? QByteArray("\r\n") : QByteArray("\n");
}

QByteArray childIndent(const Directive& host)
{
    for (const Directive& d : host.children) {
        if (!d.indent.isEmpty())
            return d.indent;
    }
    return host.indent + "    ";
}

} // namespace

Findings apacheMergeConflicts(const apacheconf::File& file, const apacheconf::Directive& host,
                              const QList<apacheconf::Placed>& effective, const ApacheMergeSpec& spec)
{
    Findings findings;
    const QList<Placed> theirs = notOurs(file, host, effective);
    const QString verify = apacheconf::lastValue(theirs, QLatin1StringView("SSLVerifyClient")).toLower();
    const QString ca = apacheconf::lastValue(theirs, QLatin1StringView("SSLCACertificateFile"));
    const QString caPath = apacheconf::lastValue(theirs, QLatin1StringView("SSLCACertificatePath"));
    const bool otherCa
        = (!ca.isEmpty() && QDir::cleanPath(ca) != QDir::cleanPath(spec.clientCaPath)) || !caPath.isEmpty();
    const bool asks = !verify.isEmpty() && verify != QLatin1String("none");
    const QString hostPlace = QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file.path)).arg(host.line);
    if (asks && (verify != QLatin1String("optional") || otherCa)) {
        findings << errorFinding(
            QStringLiteral("MERGE_CLIENT_VERIFICATION"),
            Text::tr("The site at %1 already asks callers for client certificates (SSLVerifyClient %2%3): "
                     "adding Chat's CA would change who it lets in.")
                .arg(hostPlace, verify,
                     otherCa ? Text::tr(", trusting %1").arg(QDir::toNativeSeparators(ca.isEmpty() ? caPath : ca))
                             : QString()),
            Text::tr("Use a name that serves only the webhook (--mode dedicated with a sub-domain such as "
                     "im-callback.example.com), or remove the client certificate settings from that site first."),
            file.path);
    }
    for (const Placed& p : theirs) {
        if (!p.directive.section
            || !(p.directive.is(QLatin1StringView("Location")) || p.directive.is(QLatin1StringView("LocationMatch"))
                 || p.directive.is(QLatin1StringView("Directory"))))
            continue;
        for (const Directive& inner : p.directive.children) {
            if (!inner.section && inner.is(QLatin1StringView("SSLVerifyClient"))) {
                findings << errorFinding(
                    QStringLiteral("MERGE_CLIENT_VERIFICATION"),
                    Text::tr("%1 asks for client certificates inside <%2> (SSLVerifyClient %3): that needs a "
                             "renegotiation, which TLS 1.3 and HTTP/2 clients refuse, and it would meet Chat's "
                             "CA.")
                        .arg(place(p), p.directive.name, inner.args.join(QLatin1Char(' '))),
                    Text::tr("Remove that line, or use a dedicated name for the webhook (--mode dedicated)."), p.file);
            }
        }
    }
    if (!spec.replaceLocation) {
        for (const Placed& owner : pathOwners(theirs, spec.webhookPath)) {
            findings << errorFinding(
                QStringLiteral("MERGE_LOCATION_EXISTS"),
                Text::tr("%1 already decides what %2 serves (%3 %4).")
                    .arg(place(owner), spec.webhookPath,
                         owner.directive.section ? QLatin1Char('<') + owner.directive.name + QLatin1Char('>')
                                                 : owner.directive.name,
                         owner.directive.args.join(QLatin1Char(' '))),
                Text::tr("Choose another webhook path, or let the assistant replace it (--replace-location: the "
                         "lines stay in the file as comments, and rollback puts them back)."),
                owner.file);
        }
    } else {
        for (const Placed& owner : pathOwners(theirs, spec.webhookPath)) {
            if (owner.file == file.path)
                continue;
            findings << errorFinding(QStringLiteral("MERGE_LOCATION_EXISTS"),
                                     Text::tr("%1 already decides what %2 serves, in a file the site includes: it "
                                              "cannot be replaced from the site's own file.")
                                         .arg(place(owner), spec.webhookPath),
                                     Text::tr("Remove it from %1, or choose another webhook path.")
                                         .arg(QDir::toNativeSeparators(owner.file)),
                                     owner.file);
        }
    }
    return findings;
}

Result<QByteArray> mergeIntoApacheHost(const apacheconf::File& file, const apacheconf::Directive& host,
                                       const QList<apacheconf::Placed>& effective, const ApacheMergeSpec& spec)
{
    auto ca = configsyntax::quoteApache(spec.clientCaPath, Text::tr("client CA path"));
    if (!ca)
        return ca.error();
    auto path = configsyntax::quoteApache(spec.webhookPath, Text::tr("webhook path"));
    if (!path)
        return path.error();
    auto target = configsyntax::quoteApache(spec.upstream.targetFor(spec.webhookPath),
                                            Text::tr("URL of the webhook application"));
    if (!target)
        return target.error();

    const QByteArray eol = lineEnding(file, host);
    const QByteArray i = childIndent(host);
    const QByteArray ii = i + "    ";
    QStringList lines {
        QString::fromUtf8(kBegin)
            + QStringLiteral(": Chat's client certificates, required on %1 only; the rest of the site is "
                             "unchanged.")
                  .arg(spec.webhookPath),
        QStringLiteral("SSLCACertificateFile %1").arg(ca.value()),
        QStringLiteral("SSLVerifyClient optional"),
        QStringLiteral("SSLVerifyDepth %1").arg(spec.verifyDepth),
    };
    if (spec.upstream.scheme == QLatin1String("https"))
        lines << QStringLiteral("SSLProxyEngine on");
    lines << QStringLiteral("<Location %1>").arg(path.value());
    QStringList inner {QStringLiteral("Require expr \"%{SSL_CLIENT_VERIFY} == 'SUCCESS'\""),
                       QStringLiteral("ProxyPreserveHost on"), QStringLiteral("ProxyPass %1").arg(target.value())};
    inner += detail::apacheClientHeaderLines();
    QStringList logLines;
    if (!spec.accessLogPath.isEmpty()) {
        auto logPath = configsyntax::quoteApache(spec.accessLogPath, Text::tr("webhook log path"));
        if (!logPath)
            return logPath.error();
        logLines << QStringLiteral("# The webhook access log: one JSON object a line, never the Sign.");
        logLines << QStringLiteral("<IfModule setenvif_module>");
        for (const QString& line : webhooklog::apacheQueryVariables())
            logLines << QStringLiteral("    ") + line;
        logLines << QStringLiteral("</IfModule>");
        logLines << webhooklog::apacheCustomLog(logPath.value().mid(1).chopped(1), spec.webhookPath);
    }
    QByteArray block;
    for (const QString& line : std::as_const(lines))
        block += i + line.toUtf8() + eol;
    for (const QString& line : std::as_const(inner))
        block += ii + line.toUtf8() + eol;
    block += i + "</Location>" + eol;
    for (const QString& line : std::as_const(logLines))
        block += i + line.toUtf8() + eol;
    block += i + kEnd + eol;

    // Edits from the end of the file backwards, so that earlier offsets stay right.
    struct Edit
    {
        qsizetype start;
        qsizetype end;
        QByteArray text;
    };
    QList<Edit> edits;
    if (const auto existing = blockIn(file, host))
        edits << Edit {existing->start, existing->end, block};
    else
        edits << Edit {host.closeStart, host.closeStart, block};
    if (spec.replaceLocation) {
        for (const Placed& owner : pathOwners(notOurs(file, host, effective), spec.webhookPath)) {
            if (owner.file != file.path)
                continue;
            // Each line of it becomes a comment; a line that is already one (inside a section) stays as it is.
            for (qsizetype pos = owner.directive.start; pos < owner.directive.end;) {
                const qsizetype eolAt = file.text.indexOf('\n', pos);
                const qsizetype next = eolAt < 0 ? owner.directive.end : std::min(eolAt + 1, owner.directive.end);
                if (!file.text.mid(pos, next - pos).trimmed().startsWith('#'))
                    edits << Edit {pos, pos, kReplaced};
                pos = next;
            }
        }
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start > b.start; });
    QByteArray text = file.text;
    for (const Edit& e : std::as_const(edits))
        text.replace(e.start, e.end - e.start, e.text);
    return text;
}

bool hasApacheMergeBlock(const apacheconf::File& file, const apacheconf::Directive& host)
{
    return blockIn(file, host).has_value();
}

} // namespace mtls
