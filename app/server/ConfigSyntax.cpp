#include "ConfigSyntax.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace mtls::configsyntax {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::configsyntax)
};

bool hasControl(const QString& value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

Status checkPathCharacters(const QString& path, const QString& what)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._~/:@!,+=-]*$"));
    if (!allowed.match(path).hasMatch())
        return Error {
            Text::tr("The %1 \"%2\" contains characters that cannot be used. Use only ASCII letters, digits and "
                     "- . _ ~ / : @ ! , + =.")
                .arg(what, path),
            {}};
    const QStringList segments = path.split(QLatin1Char('/'));
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QString& segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if ((segment.isEmpty() && !last) || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return Error {Text::tr("The %1 \"%2\" has an empty, \".\" or \"..\" part.").arg(what, path), {}};
    }
    return {};
}

} // namespace

Result<QString> normalizeDomain(const QString& input)
{
    QString domain = input.trimmed();
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (domain.isEmpty())
        return Error {Text::tr("No domain name was given."), {}};
    const QString shown = hasControl(domain) ? QStringLiteral("?") : domain;
    QString ace = domain;
    bool ascii = true;
    for (const QChar c : domain)
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii && !hasControl(domain))
        ace = QString::fromLatin1(QUrl::toAce(domain, QUrl::AceTransitionalProcessing));
    ace = ace.toLower();
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    const QStringList labels = ace.split(QLatin1Char('.'));
    bool valid = !ace.isEmpty() && ace.size() <= 253;
    for (const QString& part : labels)
        valid = valid && label.match(part).hasMatch();
    QHostAddress address;
    if (valid && address.setAddress(ace))
        valid = false; // an IP address is not a domain name
    bool numeric = false;
    labels.last().toInt(&numeric);
    if (!valid || numeric)
        return Error {Text::tr("\"%1\" is not a valid domain name. Use the host name Chat calls, for example "
                               "\"webhook.example.com\": letters, digits and hyphens, separated by dots.")
                          .arg(shown),
                      {}};
    return ace;
}

Result<QString> normalizeWebhookPath(const QString& input)
{
    QString path = input.trimmed();
    if (path.isEmpty())
        return QStringLiteral("/");
    if (!path.startsWith(QLatin1Char('/')))
        return Error {Text::tr("The webhook path \"%1\" must start with \"/\".")
                          .arg(hasControl(path) ? QStringLiteral("?") : path),
                      {}};
    if (path.size() > 1024)
        return Error {Text::tr("The webhook path is too long (at most 1024 characters)."), {}};
    if (auto checked = checkPathCharacters(path, Text::tr("webhook path")); !checked)
        return checked.error();
    return path;
}

QString UpstreamUrl::authority() const
{
    const QString shownHost = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return port < 0 ? shownHost : QStringLiteral("%1:%2").arg(shownHost).arg(port);
}

QString UpstreamUrl::toString() const
{
    return scheme + QStringLiteral("://") + authority() + path;
}

QString UpstreamUrl::targetFor(const QString& webhookPath) const
{
    QString target = toString();
    if (path.isEmpty())
        target += webhookPath;
    else if (webhookPath.endsWith(QLatin1Char('/')) && !target.endsWith(QLatin1Char('/')))
        target += QLatin1Char('/');
    return target;
}

Result<UpstreamUrl> parseUpstreamUrl(const QString& input)
{
    const QString text = input.trimmed();
    const Error invalid {Text::tr("\"%1\" is not a usable URL for the webhook application. Give it as "
                                  "http://HOST:PORT/PATH, for example http://127.0.0.1:8080/webhook.")
                             .arg(hasControl(text) ? QStringLiteral("?") : text),
                         {}};
    if (text.isEmpty() || hasControl(text) || text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('\\')))
        return invalid;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return invalid;
    UpstreamUrl upstream;
    upstream.scheme = url.scheme().toLower();
    if (upstream.scheme != QLatin1String("http") && upstream.scheme != QLatin1String("https"))
        return Error {Text::tr("The webhook application's URL must start with http:// or https://."), {}};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error {Text::tr("The webhook application's URL may not contain a user name, a query (?...) or a "
                               "fragment (#...)."),
                      {}};
    QHostAddress address;
    if (address.setAddress(url.host()) && address.scopeId().isEmpty()) {
        upstream.host = address.toString();
    } else {
        auto host = normalizeDomain(url.host());
        if (!host && url.host() != QLatin1String("localhost"))
            return invalid;
        upstream.host = host ? host.value() : QStringLiteral("localhost");
    }
    upstream.port = url.port();
    upstream.path = url.path(QUrl::FullyEncoded);
    if (!upstream.path.isEmpty()) {
        if (auto checked = checkPathCharacters(upstream.path, Text::tr("path of the webhook application's URL"));
            !checked)
            return checked.error();
    }
    return upstream;
}

Result<QString> quoteNginx(const QString& value, const QString& what)
{
    if (value.isEmpty())
        return Error {Text::tr("The %1 is empty.").arg(what), {}};
    if (hasControl(value))
        return Error {Text::tr("The %1 contains a line break or another control character, which cannot be written "
                               "into an nginx configuration.")
                          .arg(what),
                      {}};
    if (value.contains(QLatin1Char('$')))
        return Error {Text::tr("The %1 \"%2\" contains \"$\", which nginx would read as a variable. Rename the file or "
                               "folder without \"$\".")
                          .arg(what, value),
                      {}};
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("\"%1\"").arg(escaped);
}

Result<QString> quoteApache(const QString& value, const QString& what)
{
    if (value.isEmpty())
        return Error {Text::tr("The %1 is empty.").arg(what), {}};
    if (hasControl(value))
        return Error {Text::tr("The %1 contains a line break or another control character, which cannot be written "
                               "into an Apache configuration.")
                          .arg(what),
                      {}};
    if (value.contains(QLatin1Char('\\')))
        return Error {Text::tr("The %1 \"%2\" contains a backslash, which Apache would read as an escape. Use \"/\" "
                               "between folders and rename files without \"\\\".")
                          .arg(what, value),
                      {}};
    if (value.contains(QStringLiteral("${")))
        return Error {Text::tr("The %1 \"%2\" contains \"${\", which Apache would read as a variable. Rename the file "
                               "or folder.")
                          .arg(what, value),
                      {}};
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("\"%1\"").arg(escaped);
}

} // namespace mtls::configsyntax
