#include "DomainName.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::DomainName)
};

Finding invalid(const QString& domain, const QString& message)
{
    return Finding {QStringLiteral("DOMAIN_INVALID"), Severity::Error, message,
                    Text::tr("Use the domain exactly as it is set as the webhook URL in the Chat console, for example "
                             "www.example.com: letters a-z, digits and single hyphens between them."),
                    domain};
}

bool isLabelChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || c == QLatin1Char('-');
}
} // namespace

QString hostFromInput(const QString& input)
{
    QString text = input.trimmed();
    if (text.contains(QStringLiteral("://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty())
            text = url.host();
    }
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text.toLower();
}

Findings validateWebhookDomain(const QString& domain)
{
    Findings findings;
    if (domain.isEmpty()) {
        findings.append(invalid(domain, Text::tr("No webhook domain was given.")));
        return findings;
    }
    if (domain.size() > 253) {
        findings.append(invalid(
            domain, Text::tr("The domain is %1 characters long; a domain name has at most 253.").arg(domain.size())));
        return findings;
    }
    const QStringList labels = domain.toLower().split(QLatin1Char('.'));
    for (const QString& label : labels) {
        if (label.isEmpty()) {
            findings.append(invalid(domain, Text::tr("\"%1\" has an empty part between two dots.").arg(domain)));
            return findings;
        }
        for (const QChar c : label) {
            if (!isLabelChar(c)) {
                findings.append(invalid(domain,
                                        Text::tr("\"%1\" contains \"%2\": only letters a-z, digits 0-9 and the "
                                                 "hyphen are allowed.")
                                            .arg(domain, QString(c))));
                return findings;
            }
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))) {
            findings.append(
                invalid(domain, Text::tr("\"%1\" in \"%2\" begins or ends with a hyphen.").arg(label, domain)));
            return findings;
        }
        if (label.contains(QStringLiteral("--"))) {
            findings.append(invalid(domain, Text::tr("\"%1\" in \"%2\" has two hyphens in a row.").arg(label, domain)));
            return findings;
        }
        if (label.size() > 63) {
            findings.append(invalid(domain,
                                    Text::tr("\"%1...\" in \"%2\" is %3 characters long; each part of a domain has "
                                             "at most 63.")
                                        .arg(label.left(12), domain)
                                        .arg(label.size())));
            return findings;
        }
    }
    return findings;
}

bool hostMatchesPattern(const QString& host, const QString& pattern)
{
    QString h = host.toLower();
    QString p = pattern.toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (p.endsWith(QLatin1Char('.')))
        p.chop(1);
    if (h.isEmpty() || p.isEmpty())
        return false;
    if (!p.contains(QLatin1Char('*')))
        return h == p;
    // Only "*.rest": the wildcard is the whole left-most label, and "rest" has at least two labels.
    if (!p.startsWith(QStringLiteral("*.")) || p.indexOf(QLatin1Char('*'), 1) >= 0)
        return false;
    const QString rest = p.mid(2);
    if (rest.count(QLatin1Char('.')) < 1)
        return false;
    const qsizetype dot = h.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return false;
    if (h.startsWith(QStringLiteral("xn--")))
        return false; // RFC 6125 6.4.3: no wildcard match on an A-label
    return h.mid(dot + 1) == rest;
}

bool certificateCoversHost(const Certificate& certificate, const QString& host)
{
    const QHostAddress address(host);
    if (!address.isNull()) {
        for (const QString& ip : certificate.ipAddresses()) {
            if (QHostAddress(ip) == address)
                return true;
        }
        return false;
    }
    const QStringList names = certificate.dnsNames();
    if (!names.isEmpty()) {
        for (const QString& name : names) {
            if (hostMatchesPattern(host, name))
                return true;
        }
        return false;
    }
    return hostMatchesPattern(host, certificate.commonName());
}

} // namespace mtls
