<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>mtls::ApplyVerification</name>
    <message numerus="yes">
        <source>Verified: the same certificate as before for %n other name(s) on the same port.</source>
        <translation>
            <numerusform>Verified: the same certificate as before for %n other name on the same port.</numerusform>
            <numerusform>Verified: the same certificate as before for %n other names on the same port.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::CertificateChecks</name>
    <message numerus="yes">
        <source>%1 expires in %n day(s), on %2.</source>
        <translation>
            <numerusform>%1 expires in %n day, on %2.</numerusform>
            <numerusform>%1 expires in %n days, on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client CA &quot;%1&quot; expires in %n day(s).</source>
        <translation>
            <numerusform>The client CA &quot;%1&quot; expires in %n day.</numerusform>
            <numerusform>The client CA &quot;%1&quot; expires in %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::Prober</name>
    <message numerus="yes">
        <source>The server&apos;s certificate expires in %n day(s) (%1).</source>
        <translation>
            <numerusform>The server&apos;s certificate expires in %n day (%1).</numerusform>
            <numerusform>The server&apos;s certificate expires in %n days (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ReminderPolicy</name>
    <message numerus="yes">
        <source>The certificate of %1 expired %n day(s) ago (%2): Chat&apos;s calls fail.</source>
        <translation>
            <numerusform>The certificate of %1 expired %n day ago (%2): Chat&apos;s calls fail.</numerusform>
            <numerusform>The certificate of %1 expired %n days ago (%2): Chat&apos;s calls fail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires in %n day(s), on %2.</source>
        <translation>
            <numerusform>The certificate of %1 expires in %n day, on %2.</numerusform>
            <numerusform>The certificate of %1 expires in %n days, on %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::SshFindings</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s); nothing was done there.</source>
        <translation>
            <numerusform>%1 did not answer within %n second; nothing was done there.</numerusform>
            <numerusform>%1 did not answer within %n seconds; nothing was done there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::CheckCommand</name>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (%n day left)</numerusform>
            <numerusform>%1 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::Output</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::ProbeReportText</name>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n day)</numerusform>
            <numerusform>%1 (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::RemindCommand</name>
    <message numerus="yes">
        <source>Waiting up to %n second(s) for a click on the notification.</source>
        <translation>
            <numerusform>Waiting up to %n second for a click on the notification.</numerusform>
            <numerusform>Waiting up to %n seconds for a click on the notification.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::SandboxCommand</name>
    <message numerus="yes">
        <source>The setup works: a caller without a client certificate was %1, the stand-in for Chat&apos;s servers with its certificate got through (HTTP %2), and %n request(s) reached the webhook application.</source>
        <translation>
            <numerusform>The setup works: a caller without a client certificate was %1, the stand-in for Chat&apos;s servers with its certificate got through (HTTP %2), and %n request reached the webhook application.</numerusform>
            <numerusform>The setup works: a caller without a client certificate was %1, the stand-in for Chat&apos;s servers with its certificate got through (HTTP %2), and %n requests reached the webhook application.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::StatusCommand</name>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved setup(s)</source>
        <translation>
            <numerusform>%n saved setup</numerusform>
            <numerusform>%n saved setups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setup(s) expire within %1 days or have expired: renew the certificate with mtls-assistant.</source>
        <translation>
            <numerusform>%n setup expire within %1 days or have expired: renew the certificate with mtls-assistant.</numerusform>
            <numerusform>%n setups expire within %1 days or have expired: renew the certificate with mtls-assistant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The website certificate of %n setup(s) expires within %1 days or has expired: it is renewed by whoever manages the site (certbot, the hosting panel), not by mtls-assistant. Check that its renewal runs.</source>
        <translation>
            <numerusform>The website certificate of %n setup expires within %1 days or has expired: it is renewed by whoever manages the site (certbot, the hosting panel), not by mtls-assistant. Check that its renewal runs.</numerusform>
            <numerusform>The website certificate of %n setups expires within %1 days or has expired: it is renewed by whoever manages the site (certbot, the hosting panel), not by mtls-assistant. Check that its renewal runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::cli::WatchCommand</name>
    <message numerus="yes">
        <source>%n line(s) of the log were not webhook calls and were skipped.</source>
        <translation>
            <numerusform>%n line of the log were not webhook calls and were skipped.</numerusform>
            <numerusform>%n lines of the log were not webhook calls and were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::ApplyPage</name>
    <message numerus="yes">
        <source>Done: %n file(s) written. Next, test it like Chat would.</source>
        <translation>
            <numerusform>Done: %n file written. Next, test it like Chat would.</numerusform>
            <numerusform>Done: %n files written. Next, test it like Chat would.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) exported. Follow README.txt on your server.</source>
        <translation>
            <numerusform>Done: %n file exported. Follow README.txt on your server.</numerusform>
            <numerusform>Done: %n files exported. Follow README.txt on your server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::CertificateText</name>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::FirstCallPage</name>
    <message numerus="yes">
        <source>%n call(s) so far. The last one was a verified Chat call answered in time: the webhook works.</source>
        <translation>
            <numerusform>%n call so far. The last one was a verified Chat call answered in time: the webhook works.</numerusform>
            <numerusform>%n calls so far. The last one was a verified Chat call answered in time: the webhook works.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) so far. The last one failed: follow the fix under it.</source>
        <translation>
            <numerusform>%n call so far. The last one failed: follow the fix under it.</numerusform>
            <numerusform>%n calls so far. The last one failed: follow the fix under it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The application answered all %n call(s) as Chat expects.</source>
        <translation>
            <numerusform>The application answered all %n call as Chat expects.</numerusform>
            <numerusform>The application answered all %n calls as Chat expects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::ImportPage</name>
    <message numerus="yes">
        <source>Intermediate certificates: %n</source>
        <translation>
            <numerusform>Intermediate certificates: %n</numerusform>
            <numerusform>Intermediate certificates: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::SandboxPage</name>
    <message numerus="yes">
        <source>It works: %1 refused the caller without a client certificate and passed the one with Chat&apos;s kind of certificate on to the webhook application (%n request(s) reached it).</source>
        <translation>
            <numerusform>It works: %1 refused the caller without a client certificate and passed the one with Chat&apos;s kind of certificate on to the webhook application (%n request reached it).</numerusform>
            <numerusform>It works: %1 refused the caller without a client certificate and passed the one with Chat&apos;s kind of certificate on to the webhook application (%n requests reached it).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::ui::WelcomePage</name>
    <message numerus="yes">
        <source>Warning: %n certificate(s) expire within 30 days or have expired. Choose &quot;Renew the certificate of a saved setup&quot; to replace them.</source>
        <translation>
            <numerusform>Warning: %n certificate expire within 30 days or have expired. Choose &quot;Renew the certificate of a saved setup&quot; to replace them.</numerusform>
            <numerusform>Warning: %n certificates expire within 30 days or have expired. Choose &quot;Renew the certificate of a saved setup&quot; to replace them.</numerusform>
        </translation>
    </message>
</context>
</TS>
