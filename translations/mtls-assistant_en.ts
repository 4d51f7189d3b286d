<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
