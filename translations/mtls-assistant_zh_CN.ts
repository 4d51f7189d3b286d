<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>mtls::Certificate</name>
    <message>
        <source>The data is not a DER-encoded certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::CertificateChecks</name>
    <message>
        <source>Download a new certificate for this domain from the Chat console, then run the renewal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the certificate with your certificate authority, then run the renewal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The intermediate certificate &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expired on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get the current intermediate certificate from your certificate authority (it is usually in the download package).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is valid only from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock; if it is right, wait until the start date or ask the issuer why the certificate starts in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n day(s), on %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s trust store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the given roots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate does not reach a root of %1 (%2). That is expected for a certificate issued by Chat, whose servers trust their own issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do, as long as the certificate was downloaded from the Chat console for this domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate that issued &quot;%1&quot; (%2) is missing: the chain stops before a trusted root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the intermediate certificate(s) from your certificate authority: use the &quot;bundle&quot; or &quot;chain&quot; file of the download package, or the .zip package itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate chain does not end at a root of %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat&apos;s servers trust only certificates from public certificate authorities (or issued by Chat itself). Use a certificate from a public CA, or choose &quot;Chat issued a certificate for my domain&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate&apos;s key (%1) is too weak: current TLS libraries refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a new certificate with an RSA key of at least 2048 bits or an EC key of at least 256 bits (P-256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is signed with %2, which clients no longer accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the certificate authority to reissue the certificate signed with SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is for %1, not for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the certificate issued for %1, or check the domain you entered: it must be the host of the webhook URL in the Chat console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; may not be used by a server: its extended key usage excludes TLS server authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a client or code-signing certificate. Use the server (SSL/TLS) certificate issued for your domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a CA certificate, so it cannot verify Chat&apos;s client certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose TencentQQAuthCA.crt (from TencentQQAuthCA.crt.zip, linked in the Chat guide), not your own server certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client CA &quot;%1&quot; expired on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the current TencentQQAuthCA.crt.zip from the link in the Chat guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The client CA &quot;%1&quot; expires in %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::CheckService</name>
    <message>
        <source>Give a PEM file with the root certificates to trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate was found in the client CA file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::DomainName</name>
    <message>
        <source>Use the domain exactly as it is set as the webhook URL in the Chat console, for example www.example.com: letters a-z, digits and single hyphens between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook domain was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain is %1 characters long; a domain name has at most 253.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty part between two dots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains &quot;%2&quot;: only letters a-z, digits 0-9 and the hyphen are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; begins or ends with a hyphen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; has two hyphens in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1...&quot; in &quot;%2&quot; is %3 characters long; each part of a domain has at most 63.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::MaterialLoader</name>
    <message>
        <source>Choose the certificate (.crt, .pem, .cer, .der), key (.key, .pem), PKCS#12 (.pfx, .p12) or the .zip package as downloaded. If the file was cut short, download it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in this file is protected by a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase (on the command line: put it in an environment variable and name it with --passphrase-env).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the passphrase: it is case-sensitive. For a package downloaded from Tencent Cloud, the passphrase of a .pfx is in keystorePass.txt beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; asks for an unreasonable number of encryption rounds and was not opened (such a file could keep the program busy for hours).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the key again with the usual settings of your tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the path and the spelling of the file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate, key or .zip file inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 MB, far larger than any certificate or key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate, key or .zip package itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your user may read the file (for a key owned by root, run with the rights of its owner or copy it somewhere you can read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is far larger than any certificate or key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; can be read by other users of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict it to its owner: chmod 600 &quot;%1&quot;. The assistant installs its own copy with mode 600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a zip inside a zip inside a zip: refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract the package and choose the files inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the package again from the console, or extract it and choose the certificate and key files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive &quot;%1&quot; holds no certificate or key (it has: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate in &quot;%1&quot; is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PKCS#7 block in &quot;%1&quot; is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An encrypted private key in &quot;%1&quot; is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private key in &quot;%1&quot; is damaged or of an unsupported kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a &quot;%2&quot; block, which was left aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds no certificate or private key in PEM form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; cannot be opened: it uses an algorithm this system does not support, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export it again with current settings (AES-256), or export the certificate and key as PEM files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a certificate, private key, PKCS#12 or zip package that can be read (it may be truncated or damaged).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::ServerMaterialSelector</name>
    <message>
        <source>No server certificate was found in the files given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the certificate file (.crt, .pem) or the .zip package downloaded with the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificates are not in serving order (the server certificate first, then each issuer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do here: the assistant writes them in the right order. If you configure the server by hand, put the server certificate first in the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No private key was found for the certificate &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the key file (.key) that was made with the certificate request, or the .zip package that holds it. A certificate cannot be served without its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key (%1) does not belong to the certificate &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the key that was made with this certificate&apos;s request; after a renewal, the old key usually no longer fits. Download the certificate and key together again if in doubt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::TrustStore</name>
    <message>
        <source>The system&apos;s trust store cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No root certificate could be read from &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::ZipArchive</name>
    <message>
        <source>The zip archive is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zip error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive holds %1 entries, more than the %2 a certificate package can have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad entry header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive holds an entry with a path outside the archive (&quot;%1&quot;): refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive holds a symbolic link (&quot;%1&quot;): refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive is protected by a password. Extract it first, then import the files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open entry &quot;%1&quot; (zip error %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot inflate entry &quot;%1&quot; (zip error %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip archive unpacks to more than a certificate package can hold (&quot;%1&quot; is too large): refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry &quot;%1&quot; fails its checksum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::cli::CheckCommand</name>
    <message numerus="yes">
        <source>(%n day(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the certificate for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(private key not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client CA (callers must present a certificate it issued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: no error found (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready: %1. Fix the errors above and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a server certificate, its key and chain, and the Chat client CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook domain (as in the Chat console), or the webhook URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server certificate (PEM, DER; may also hold the chain and the key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key, when it is in a file of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The intermediate certificates, when they are in a file of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PKCS#12 (.pfx, .p12) file with the certificate and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .zip package as downloaded (Tencent Cloud SSL or the Chat console).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat&apos;s client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the passphrase of the key or PKCS#12 file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate was issued by Chat (downloaded from the console).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file of root certificates to trust instead of the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object instead of the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--domain is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the certificate with --cert, --pkcs12 or --bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give only one of --cert, --pkcs12 and --bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--key and --chain go with --cert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --passphrase-env) is not set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::cli::Output</name>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>mtls-assistant-cli %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;mtls-assistant-cli %1 --help&apos; for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::cli::main</name>
    <message>
        <source>mtls-assistant-cli %1: sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks on Nginx and Apache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mtls-assistant-cli &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;mtls-assistant-cli &lt;command&gt; --help&apos; for the options of one command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes: 0 no error found, 1 an error finding, 2 usage error or failure to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mtls-assistant-cli: &quot;%1&quot; is not a command. Run &apos;mtls-assistant-cli --help&apos; for the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mtls::ui::MainWizard</name>
    <message>
        <source>mTLS Assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
