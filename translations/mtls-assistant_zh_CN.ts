<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>mtls::ApacheConfigWriter</name>
    <message>
        <source>certificate path</source>
        <translation>证书路径</translation>
    </message>
    <message>
        <source>private key path</source>
        <translation>私钥路径</translation>
    </message>
    <message>
        <source>client CA path</source>
        <translation>客户端 CA 证书路径</translation>
    </message>
    <message>
        <source>chain path</source>
        <translation>证书链路径</translation>
    </message>
    <message>
        <source>The modern TLS profile needs Apache 2.4.36 or later (TLS 1.3); this server is %1. Use the intermediate profile.</source>
        <translation>现代（modern）TLS 配置档需要 Apache 2.4.36 或更高版本（TLS 1.3）；此服务器的版本为 %1。请使用中级（intermediate）配置档。</translation>
    </message>
    <message>
        <source>URL of the webhook application</source>
        <translation>回调处理程序地址</translation>
    </message>
    <message>
        <source>webhook path</source>
        <translation>回调路径</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyJournal</name>
    <message>
        <source>The apply journal has an unknown format.</source>
        <translation>应用日志的格式无法识别。</translation>
    </message>
    <message>
        <source>The apply journal has an unknown state &quot;%1&quot;.</source>
        <translation>应用日志中有无法识别的状态“%1”。</translation>
    </message>
    <message>
        <source>Cannot read the apply journal %1: %2</source>
        <translation>无法读取应用日志 %1：%2</translation>
    </message>
    <message>
        <source>The apply journal %1 is damaged: %2</source>
        <translation>应用日志 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>Cannot create the directory %1 for the apply journal.</source>
        <translation>无法为应用日志创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot remove the apply journal %1.</source>
        <translation>无法删除应用日志 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot create the link %1.</source>
        <translation>无法创建链接 %1。</translation>
    </message>
    <message>
        <source>%1 exists and is not a file; it will not be replaced.</source>
        <translation>%1 已存在且不是文件；不会替换它。</translation>
    </message>
    <message>
        <source>Cannot create the backup directory %1.</source>
        <translation>无法创建备份目录 %1。</translation>
    </message>
    <message>
        <source>Cannot read %1 to back it up: %2</source>
        <translation>无法读取 %1 以进行备份：%2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Cannot read the backup %1: %2</source>
        <translation>无法读取备份 %1：%2</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyService</name>
    <message>
        <source>Cannot create the directory %1 for the apply journal.</source>
        <translation>无法为应用日志创建目录 %1。</translation>
    </message>
    <message>
        <source>Another apply or rollback is running for this server. Wait for it to finish.</source>
        <translation>此服务器上正在进行另一个应用或回滚操作。请等待其完成。</translation>
    </message>
    <message>
        <source>Some files could not be put back; the backups are kept in the apply state directory.</source>
        <translation>部分文件无法还原；备份保留在应用状态目录中。</translation>
    </message>
    <message>
        <source>No free loopback port to try the configuration on.</source>
        <translation>没有空闲的本地回环端口可用于试运行该配置。</translation>
    </message>
    <message>
        <source>Apache cannot start with the new certificate files.</source>
        <translation>Apache 无法使用新的证书文件启动。</translation>
    </message>
    <message>
        <source>The certificate, its key and the Chat client CA are all needed to apply.</source>
        <translation>应用配置需要证书、其私钥以及即时通信 IM 的客户端 CA 证书，缺一不可。</translation>
    </message>
    <message>
        <source>An earlier apply for %1 was interrupted after the server reloaded; it is now marked as finished.</source>
        <translation>之前对 %1 的应用操作在服务器重新加载后被中断；现已标记为完成。</translation>
    </message>
    <message>
        <source>An earlier apply for %1 was interrupted; its changes were rolled back.</source>
        <translation>之前对 %1 的应用操作被中断；其更改已回滚。</translation>
    </message>
    <message>
        <source>The server could not be reloaded (%1).</source>
        <translation>无法重新加载服务器（%1）。</translation>
    </message>
    <message>
        <source>You do not have the rights to write into %1. Run apply as an administrator (for example with sudo or pkexec); nothing was changed.</source>
        <translation>您没有写入 %1 的权限。请以管理员身份运行 apply（例如使用 sudo 或 pkexec）；未做任何更改。</translation>
    </message>
    <message>
        <source>The current %1 configuration does not pass its own test; fix it before applying.</source>
        <translation>当前的 %1 配置未通过其自身的配置测试；请先修复再应用。</translation>
    </message>
    <message>
        <source>Every file was put back as it was.</source>
        <translation>所有文件均已还原为原样。</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 refused the new configuration.</source>
        <translation>%1 拒绝了新配置。</translation>
    </message>
    <message>
        <source>Reloading the previous configuration failed too: %1</source>
        <translation>重新加载之前的配置也失败了：%1</translation>
    </message>
    <message>
        <source>There is nothing to roll back: no configuration was applied to this server.</source>
        <translation>没有可回滚的内容：此服务器上没有应用过配置。</translation>
    </message>
    <message>
        <source>There is nothing to roll back: the last apply was already rolled back.</source>
        <translation>没有可回滚的内容：上一次应用已经回滚过了。</translation>
    </message>
    <message>
        <source>The files were put back, but %1 refuses the restored configuration.</source>
        <translation>文件已还原，但 %1 拒绝了还原后的配置。</translation>
    </message>
    <message>
        <source>The files were put back, but the server did not reload: %1</source>
        <translation>文件已还原，但服务器没有重新加载：%1</translation>
    </message>
</context>
<context>
    <name>mtls::Certificate</name>
    <message>
        <source>The data is not a DER-encoded certificate.</source>
        <translation>该数据不是 DER 编码的证书。</translation>
    </message>
    <message>
        <source>The text holds no PEM certificate.</source>
        <translation>该文本中没有 PEM 格式的证书。</translation>
    </message>
</context>
<context>
    <name>mtls::CertificateChecks</name>
    <message>
        <source>Download a new certificate for this domain from the Chat console, then run the renewal.</source>
        <translation>请在即时通信 IM 控制台下载该域名的新证书，然后执行续期。</translation>
    </message>
    <message>
        <source>Renew the certificate with your certificate authority, then run the renewal.</source>
        <translation>请向您的证书颁发机构续期证书，然后执行续期。</translation>
    </message>
    <message>
        <source>The server certificate &quot;%1&quot;</source>
        <translation>服务器证书“%1”</translation>
    </message>
    <message>
        <source>The intermediate certificate &quot;%1&quot;</source>
        <translation>中间证书“%1”</translation>
    </message>
    <message>
        <source>%1 expired on %2.</source>
        <translation>%1已于 %2 过期。</translation>
    </message>
    <message>
        <source>Get the current intermediate certificate from your certificate authority (it is usually in the download package).</source>
        <translation>请从证书颁发机构获取当前的中间证书（通常在下载的证书包中）。</translation>
    </message>
    <message>
        <source>%1 is valid only from %2.</source>
        <translation>%1自 %2 起才生效。</translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock; if it is right, wait until the start date or ask the issuer why the certificate starts in the future.</source>
        <translation>请检查本机时钟；若时钟正确，请等到生效日期，或询问签发方为何证书的生效时间在将来。</translation>
    </message>
    <message numerus="yes">
        <source>%1 expires in %n day(s), on %2.</source>
        <translation>
            <numerusform>%1将在 %n 天后（%2）过期。</numerusform>
        </translation>
    </message>
    <message>
        <source>the system&apos;s trust store</source>
        <translation>系统信任库</translation>
    </message>
    <message>
        <source>the given roots</source>
        <translation>指定的根证书</translation>
    </message>
    <message>
        <source>The certificate does not reach a root of %1 (%2). That is expected for a certificate issued by Chat, whose servers trust their own issuer.</source>
        <translation>该证书无法链接到%1中的根证书（%2）。由即时通信 IM 签发的证书会出现这种情况，属于正常现象：即时通信 IM 服务器信任其自己的签发机构。</translation>
    </message>
    <message>
        <source>Nothing to do, as long as the certificate was downloaded from the Chat console for this domain.</source>
        <translation>只要该证书是从即时通信 IM 控制台为此域名下载的，就无需处理。</translation>
    </message>
    <message>
        <source>The certificate that issued &quot;%1&quot; (%2) is missing: the chain stops before a trusted root.</source>
        <translation>缺少签发“%1”的证书（%2）：证书链在到达受信任的根证书之前中断了。</translation>
    </message>
    <message>
        <source>Add the intermediate certificate(s) from your certificate authority: use the &quot;bundle&quot; or &quot;chain&quot; file of the download package, or the .zip package itself.</source>
        <translation>请添加证书颁发机构提供的中间证书：使用下载包中的“bundle”或“chain”文件，或直接使用整个 .zip 证书包。</translation>
    </message>
    <message>
        <source>The certificate chain does not end at a root of %1: %2.</source>
        <translation>证书链没有终止于%1中的根证书：%2。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers trust only certificates from public certificate authorities (or issued by Chat itself). Use a certificate from a public CA, or choose &quot;Chat issued a certificate for my domain&quot;.</source>
        <translation>即时通信 IM 服务器只信任公共证书颁发机构签发的证书（或由即时通信 IM 自己签发的证书）。请使用公共 CA 签发的证书，或选择“即时通信 IM 为我的域名签发了证书”。</translation>
    </message>
    <message>
        <source>The certificate&apos;s key (%1) is too weak: current TLS libraries refuse it.</source>
        <translation>证书的密钥（%1）强度太弱：当前的 TLS 库会拒绝它。</translation>
    </message>
    <message>
        <source>Request a new certificate with an RSA key of at least 2048 bits or an EC key of at least 256 bits (P-256).</source>
        <translation>请使用至少 2048 位的 RSA 密钥或至少 256 位的 EC 密钥（P-256）申请新证书。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is signed with %2, which clients no longer accept.</source>
        <translation>“%1”使用 %2 签名，客户端已不再接受。</translation>
    </message>
    <message>
        <source>Ask the certificate authority to reissue the certificate signed with SHA-256.</source>
        <translation>请让证书颁发机构使用 SHA-256 重新签发证书。</translation>
    </message>
    <message>
        <source>The certificate is for %1, not for %2.</source>
        <translation>该证书适用于 %1，而不是 %2。</translation>
    </message>
    <message>
        <source>Use the certificate issued for %1, or check the domain you entered: it must be the host of the webhook URL in the Chat console.</source>
        <translation>请使用为 %1 签发的证书，或检查您输入的域名：它必须是即时通信 IM 控制台中回调地址的主机名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may not be used by a server: its extended key usage excludes TLS server authentication.</source>
        <translation>“%1”不能用于服务器：其扩展密钥用法不包含 TLS 服务器身份验证。</translation>
    </message>
    <message>
        <source>This looks like a client or code-signing certificate. Use the server (SSL/TLS) certificate issued for your domain.</source>
        <translation>这看起来是客户端证书或代码签名证书。请使用为您的域名签发的服务器（SSL/TLS）证书。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a CA certificate, so it cannot verify Chat&apos;s client certificates.</source>
        <translation>“%1”不是 CA 证书，因此无法验证即时通信 IM 的客户端证书。</translation>
    </message>
    <message>
        <source>Choose TencentQQAuthCA.crt (from TencentQQAuthCA.crt.zip, linked in the Chat guide), not your own server certificate.</source>
        <translation>请选择 TencentQQAuthCA.crt（来自即时通信 IM 文档中链接的 TencentQQAuthCA.crt.zip），而不是您自己的服务器证书。</translation>
    </message>
    <message>
        <source>The client CA &quot;%1&quot; expired on %2.</source>
        <translation>客户端 CA 证书“%1”已于 %2 过期。</translation>
    </message>
    <message>
        <source>Download the current TencentQQAuthCA.crt.zip from the link in the Chat guide.</source>
        <translation>请从即时通信 IM 文档中的链接下载最新的 TencentQQAuthCA.crt.zip。</translation>
    </message>
    <message numerus="yes">
        <source>The client CA &quot;%1&quot; expires in %n day(s).</source>
        <translation>
            <numerusform>客户端 CA 证书“%1”将在 %n 天后过期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mtls::CheckService</name>
    <message>
        <source>Give a PEM file with the root certificates to trust.</source>
        <translation>请提供包含要信任的根证书的 PEM 文件。</translation>
    </message>
    <message>
        <source>No certificate was found in the client CA file.</source>
        <translation>在客户端 CA 证书文件中没有找到证书。</translation>
    </message>
    <message>
        <source>Choose TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip.</source>
        <translation>请选择 TencentQQAuthCA.crt 或 TencentQQAuthCA.crt.zip。</translation>
    </message>
</context>
<context>
    <name>mtls::ConfigGenerator</name>
    <message>
        <source>&quot;%1&quot; is not a valid address and port to listen on.</source>
        <translation>“%1”不是有效的监听地址和端口。</translation>
    </message>
    <message>
        <source>The client certificate verification depth must be between 1 and 10.</source>
        <translation>客户端证书的验证深度必须在 1 到 10 之间。</translation>
    </message>
</context>
<context>
    <name>mtls::ConfigTester</name>
    <message>
        <source>Cannot create a temporary directory to test the configuration.</source>
        <translation>无法创建用于测试配置的临时目录。</translation>
    </message>
    <message>
        <source>No free loopback port to test the configuration on.</source>
        <translation>没有空闲的本地回环端口可用于测试该配置。</translation>
    </message>
</context>
<context>
    <name>mtls::DomainName</name>
    <message>
        <source>Use the domain exactly as it is set as the webhook URL in the Chat console, for example www.example.com: letters a-z, digits and single hyphens between them.</source>
        <translation>请使用与即时通信 IM 控制台中回调地址完全一致的域名，例如 www.example.com：只能包含字母 a-z、数字以及字符之间的单个连字符。</translation>
    </message>
    <message>
        <source>No webhook domain was given.</source>
        <translation>没有提供回调域名。</translation>
    </message>
    <message>
        <source>The domain is %1 characters long; a domain name has at most 253.</source>
        <translation>该域名长 %1 个字符；域名最长为 253 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty part between two dots.</source>
        <translation>“%1”中两个点之间是空的。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains &quot;%2&quot;: only letters a-z, digits 0-9 and the hyphen are allowed.</source>
        <translation>“%1”包含“%2”：只允许字母 a-z、数字 0-9 和连字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; begins or ends with a hyphen.</source>
        <translation>“%2”中的“%1”以连字符开头或结尾。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; has two hyphens in a row.</source>
        <translation>“%2”中的“%1”含有连续的连字符。</translation>
    </message>
    <message>
        <source>&quot;%1...&quot; in &quot;%2&quot; is %3 characters long; each part of a domain has at most 63.</source>
        <translation>“%2”中的“%1...”长 %3 个字符；域名的每一段最长为 63 个字符。</translation>
    </message>
</context>
<context>
    <name>mtls::ExportBundle</name>
    <message>
        <source>The server directory &quot;%1&quot; must be an absolute path of letters, digits and - . _ / only.</source>
        <translation>服务器目录“%1”必须是绝对路径，且只能包含字母、数字以及 - . _ /。</translation>
    </message>
    <message>
        <source>%1 already exists and is not empty; choose a new folder.</source>
        <translation>%1 已存在且不为空；请选择一个新文件夹。</translation>
    </message>
    <message>
        <source>Cannot write into %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot write the zip file %1.</source>
        <translation>无法写入 zip 文件 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::MaterialLoader</name>
    <message>
        <source>Choose the certificate (.crt, .pem, .cer, .der), key (.key, .pem), PKCS#12 (.pfx, .p12) or the .zip package as downloaded. If the file was cut short, download it again.</source>
        <translation>请选择证书（.crt、.pem、.cer、.der）、私钥（.key、.pem）、PKCS#12（.pfx、.p12）或下载的 .zip 证书包。如果文件不完整，请重新下载。</translation>
    </message>
    <message>
        <source>The private key in this file is protected by a passphrase.</source>
        <translation>该文件中的私钥受密码保护。</translation>
    </message>
    <message>
        <source>Enter the passphrase (on the command line: put it in an environment variable and name it with --passphrase-env).</source>
        <translation>请输入密码（命令行中：将密码放入环境变量，并用 --passphrase-env 指定该变量名）。</translation>
    </message>
    <message>
        <source>The passphrase does not open this file.</source>
        <translation>该密码无法打开此文件。</translation>
    </message>
    <message>
        <source>Check the passphrase: it is case-sensitive. For a package downloaded from Tencent Cloud, the passphrase of a .pfx is in keystorePass.txt beside it.</source>
        <translation>请检查密码（区分大小写）。对于从腾讯云下载的证书包，.pfx 文件的密码在同目录的 keystorePass.txt 中。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; asks for an unreasonable number of encryption rounds and was not opened (such a file could keep the program busy for hours).</source>
        <translation>“%1”要求的加密迭代次数不合理，因此没有打开（这样的文件可能让程序忙上数小时）。</translation>
    </message>
    <message>
        <source>Export the key again with the usual settings of your tool.</source>
        <translation>请用工具的常规设置重新导出私钥。</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; does not exist.</source>
        <translation>文件“%1”不存在。</translation>
    </message>
    <message>
        <source>Check the path and the spelling of the file name.</source>
        <translation>请检查路径和文件名的拼写。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a file.</source>
        <translation>“%1”是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Choose the certificate, key or .zip file inside it.</source>
        <translation>请选择其中的证书、私钥或 .zip 文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 MB, far larger than any certificate or key file.</source>
        <translation>“%1”大小为 %2 MB，远大于任何证书或私钥文件。</translation>
    </message>
    <message>
        <source>Choose the certificate, key or .zip package itself.</source>
        <translation>请直接选择证书、私钥或 .zip 证书包。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>Check that your user may read the file (for a key owned by root, run with the rights of its owner or copy it somewhere you can read).</source>
        <translation>请确认当前用户可以读取该文件（对于属于 root 的私钥，请以其所有者的权限运行，或将其复制到您可以读取的位置）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is far larger than any certificate or key file.</source>
        <translation>“%1”远大于任何证书或私钥文件。</translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; can be read by other users of this computer.</source>
        <translation>本机的其他用户可以读取私钥文件“%1”。</translation>
    </message>
    <message>
        <source>Restrict it to its owner: chmod 600 &quot;%1&quot;. The assistant installs its own copy with mode 600.</source>
        <translation>请限制为仅所有者可读：chmod 600 &quot;%1&quot;。本助手安装的副本权限为 600。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>“%1”是空的。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a zip inside a zip inside a zip: refused.</source>
        <translation>“%1”是嵌套了三层的 zip 文件：已拒绝。</translation>
    </message>
    <message>
        <source>Extract the package and choose the files inside it.</source>
        <translation>请解压证书包，然后选择其中的文件。</translation>
    </message>
    <message>
        <source>Download the package again from the console, or extract it and choose the certificate and key files.</source>
        <translation>请从控制台重新下载证书包，或将其解压后选择证书和私钥文件。</translation>
    </message>
    <message>
        <source>The zip archive &quot;%1&quot; holds no certificate or key (it has: %2).</source>
        <translation>zip 压缩包“%1”中没有证书或私钥（其中有：%2）。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无内容</translation>
    </message>
    <message>
        <source>A certificate in &quot;%1&quot; is damaged and cannot be read.</source>
        <translation>“%1”中的一个证书已损坏，无法读取。</translation>
    </message>
    <message>
        <source>A PKCS#7 block in &quot;%1&quot; is damaged and cannot be read.</source>
        <translation>“%1”中的一个 PKCS#7 数据块已损坏，无法读取。</translation>
    </message>
    <message>
        <source>An encrypted private key in &quot;%1&quot; is damaged.</source>
        <translation>“%1”中的一个加密私钥已损坏。</translation>
    </message>
    <message>
        <source>A private key in &quot;%1&quot; is damaged or of an unsupported kind.</source>
        <translation>“%1”中的一个私钥已损坏或类型不受支持。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a &quot;%2&quot; block, which was left aside.</source>
        <translation>“%1”包含一个“%2”数据块，已忽略。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds no certificate or private key in PEM form.</source>
        <translation>“%1”中没有 PEM 格式的证书或私钥。</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; cannot be opened: it uses an algorithm this system does not support, or it is damaged.</source>
        <translation>无法打开 PKCS#12 文件“%1”：它使用了本系统不支持的算法，或者文件已损坏。</translation>
    </message>
    <message>
        <source>Export it again with current settings (AES-256), or export the certificate and key as PEM files.</source>
        <translation>请用当前的设置（AES-256）重新导出，或将证书和私钥导出为 PEM 文件。</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; is empty.</source>
        <translation>PKCS#12 文件“%1”是空的。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a certificate, private key, PKCS#12 or zip package that can be read (it may be truncated or damaged).</source>
        <translation>“%1”不是可读取的证书、私钥、PKCS#12 文件或 zip 证书包（可能不完整或已损坏）。</translation>
    </message>
</context>
<context>
    <name>mtls::NginxConfigWriter</name>
    <message>
        <source>certificate path</source>
        <translation>证书路径</translation>
    </message>
    <message>
        <source>private key path</source>
        <translation>私钥路径</translation>
    </message>
    <message>
        <source>client CA path</source>
        <translation>客户端 CA 证书路径</translation>
    </message>
</context>
<context>
    <name>mtls::Prober</name>
    <message>
        <source>The name %1 could not be resolved (%2).</source>
        <translation>无法解析域名 %1（%2）。</translation>
    </message>
    <message>
        <source>Check that the domain&apos;s DNS record (A or AAAA) points at your server, and that the webhook URL set in the Chat console is spelt right.</source>
        <translation>请检查该域名的 DNS 记录（A 或 AAAA）是否指向您的服务器，以及即时通信 IM 控制台中设置的回调地址是否拼写正确。</translation>
    </message>
    <message>
        <source>Nothing accepted a connection on port %1 (%2).</source>
        <translation>端口 %1 上没有任何程序接受连接（%2）。</translation>
    </message>
    <message>
        <source>Check that the server is running and listens on port %1 (nginx: `listen %1 ssl;` in the server block; Apache: `Listen %1` and `&lt;VirtualHost *:%1&gt;`), and that no firewall or security group blocks the port.</source>
        <translation>请检查服务器是否正在运行并监听端口 %1（nginx：server 块中的 `listen %1 ssl;`；Apache：`Listen %1` 和 `&lt;VirtualHost *:%1&gt;`），以及是否有防火墙或安全组拦截了该端口。</translation>
    </message>
    <message>
        <source>Nothing answered the connection: a firewall or security group probably drops packets to this port, or the address in DNS is not your server&apos;s.</source>
        <translation>连接没有任何响应：可能是防火墙或安全组丢弃了发往该端口的数据包，或者 DNS 中的地址不是您服务器的地址。</translation>
    </message>
    <message>
        <source>Something accepted the connection but never finished a TLS handshake: check that this port is the HTTPS one (nginx `listen ... ssl;`, Apache `SSLEngine on`) and that no proxy or load balancer in front of the server holds the connection.</source>
        <translation>有程序接受了连接，但始终没有完成 TLS 握手：请检查该端口是否为 HTTPS 端口（nginx `listen ... ssl;`，Apache `SSLEngine on`），以及服务器前面是否有代理或负载均衡器占住了连接。</translation>
    </message>
    <message>
        <source>The server did not answer the HTTP request in time: the application behind it (nginx `proxy_pass`, Apache `ProxyPass`) is slow or not running. Chat gives up after about 2 seconds.</source>
        <translation>服务器没有及时响应 HTTP 请求：其后端的回调处理程序（nginx `proxy_pass`，Apache `ProxyPass`）响应太慢或没有运行。即时通信 IM 大约 2 秒后就会放弃请求。</translation>
    </message>
    <message>
        <source>No answer within the time limit of %1 s (step: %2).</source>
        <translation>在 %1 秒的时间限制内没有响应（步骤：%2）。</translation>
    </message>
    <message>
        <source>This port does not speak TLS (it answers in plain HTTP or another protocol): in nginx add `ssl` to the `listen` line of the server block; in Apache put `SSLEngine on` in the virtual host.</source>
        <translation>该端口不使用 TLS（以明文 HTTP 或其他协议响应）：在 nginx 中，请在 server 块的 `listen` 行中加上 `ssl`；在 Apache 中，请在虚拟主机中加入 `SSLEngine on`。</translation>
    </message>
    <message>
        <source>The server sent a certificate chain larger than 100 KB: the file named by `ssl_certificate` (nginx) or `SSLCertificateFile`/`SSLCertificateChainFile` (Apache) holds far too many certificates. Keep only the server certificate and its intermediates.</source>
        <translation>服务器发送的证书链超过 100 KB：`ssl_certificate`（nginx）或 `SSLCertificateFile`/`SSLCertificateChainFile`（Apache）指定的文件中包含的证书过多。请只保留服务器证书及其中间证书。</translation>
    </message>
    <message>
        <source>The server accepts none of TLS 1.2 and 1.3: fix `ssl_protocols` (nginx) or `SSLProtocol` (Apache), for example `ssl_protocols TLSv1.2 TLSv1.3;`.</source>
        <translation>服务器既不接受 TLS 1.2 也不接受 TLS 1.3：请修改 `ssl_protocols`（nginx）或 `SSLProtocol`（Apache），例如 `ssl_protocols TLSv1.2 TLSv1.3;`。</translation>
    </message>
    <message>
        <source>The server found no cipher it shares with a current client: check `ssl_ciphers` (nginx) or `SSLCipherSuite` (Apache), and the server certificate&apos;s key type.</source>
        <translation>服务器与当前主流客户端没有共同支持的加密套件：请检查 `ssl_ciphers`（nginx）或 `SSLCipherSuite`（Apache），以及服务器证书的密钥类型。</translation>
    </message>
    <message>
        <source>Look in the server&apos;s error log (nginx `error_log`, Apache `ErrorLog`) at the time of the probe.</source>
        <translation>请查看服务器在探测时间点的错误日志（nginx `error_log`，Apache `ErrorLog`）。</translation>
    </message>
    <message>
        <source>the server sent the alert &quot;%1&quot;</source>
        <translation>服务器发送了告警“%1”</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1.</source>
        <translation>TLS 握手失败：%1。</translation>
    </message>
    <message>
        <source>The TLS connection was set up but the server gave no HTTP answer (%1).</source>
        <translation>TLS 连接已建立，但服务器没有返回 HTTP 响应（%1）。</translation>
    </message>
    <message>
        <source>Look in the server&apos;s error log (nginx `error_log`, Apache `ErrorLog`); the port may belong to a service that is not an HTTPS web server.</source>
        <translation>请查看服务器的错误日志（nginx `error_log`，Apache `ErrorLog`）；该端口可能属于某个不是 HTTPS Web 服务器的服务。</translation>
    </message>
    <message>
        <source>The chain does not lead to the CA given with --server-ca. Check that the server sends the right certificate and its intermediates.</source>
        <translation>证书链无法链接到 --server-ca 指定的 CA。请检查服务器发送的证书及其中间证书是否正确。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers will refuse this certificate. Serve the whole chain: nginx `ssl_certificate` must name the bundle (server certificate first, then the intermediates, such as `&lt;domain&gt;_bundle.crt`); Apache needs `SSLCertificateChainFile` (`root_bundle.crt`). A self-signed certificate or one from a private CA is not accepted: use one from a public CA, or the one Chat issues for your domain.</source>
        <translation>即时通信 IM 服务器会拒绝此证书。请发送完整的证书链：nginx 的 `ssl_certificate` 必须指向证书包（先是服务器证书，然后是中间证书，例如 `&lt;domain&gt;_bundle.crt`）；Apache 需要 `SSLCertificateChainFile`（`root_bundle.crt`）。自签名证书或私有 CA 签发的证书不被接受：请使用公共证书颁发机构签发的证书，或即时通信 IM 为您的域名签发的证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1.</source>
        <translation>服务器证书不受信任：%1。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for %1, not for %2.</source>
        <translation>服务器证书是签发给 %1 的，而不是 %2。</translation>
    </message>
    <message>
        <source>Point `ssl_certificate` (nginx) or `SSLCertificateFile` (Apache) at the certificate for %1, and check that this server block&apos;s `server_name` (Apache `ServerName`) is %1: otherwise another site on the same port answers.</source>
        <translation>请将 `ssl_certificate`（nginx）或 `SSLCertificateFile`（Apache）指向 %1 的证书，并检查该 server 块的 `server_name`（Apache 为 `ServerName`）是否为 %1：否则响应的会是同一端口上的另一个站点。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate expired on %1.</source>
        <translation>服务器证书已于 %1 过期。</translation>
    </message>
    <message>
        <source>Renew the certificate, install the new files where `ssl_certificate`/`ssl_certificate_key` (Apache `SSLCertificateFile`/`SSLCertificateKeyFile`) point, and reload the server.</source>
        <translation>请续期证书，将新文件安装到 `ssl_certificate`/`ssl_certificate_key`（Apache 为 `SSLCertificateFile`/`SSLCertificateKeyFile`）指向的位置，然后重新加载服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate expires in %1 days (%2).</source>
        <translation>服务器证书将在 %1 天后（%2）过期。</translation>
    </message>
    <message>
        <source>Renew it before then and reload the server; Chat&apos;s calls fail from the day it expires.</source>
        <translation>请在此之前续期并重新加载服务器；从证书过期当天起，即时通信 IM 的回调都会失败。</translation>
    </message>
    <message>
        <source>The server did not ask for a client certificate, so it cannot tell Chat&apos;s servers from anyone else.</source>
        <translation>服务器没有要求客户端证书，因此无法区分即时通信 IM 服务器和其他任何调用方。</translation>
    </message>
    <message>
        <source>nginx: add `ssl_verify_client on;` and `ssl_client_certificate` naming TencentQQAuthCA.crt to the server block. Apache: `SSLVerifyClient require` and `SSLCACertificateFile` in the virtual host. If they are there, another server block or virtual host answers for this name and port.</source>
        <translation>nginx：在 server 块中加入 `ssl_verify_client on;`，并用 `ssl_client_certificate` 指定 TencentQQAuthCA.crt。Apache：在虚拟主机中加入 `SSLVerifyClient require` 和 `SSLCACertificateFile`。如果这些配置已经存在，说明响应此域名和端口的是另一个 server 块或虚拟主机。</translation>
    </message>
    <message>
        <source>A caller without a client certificate got through (HTTP %1).</source>
        <translation>没有客户端证书的调用方也能访问（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server asks for a certificate but does not insist: nginx `ssl_verify_client optional;` (or `optional_no_ca`) must be `ssl_verify_client on;`; Apache `SSLVerifyClient optional` must be `SSLVerifyClient require`.</source>
        <translation>服务器请求了证书，但并不强制要求：nginx 的 `ssl_verify_client optional;`（或 `optional_no_ca`）必须改为 `ssl_verify_client on;`；Apache 的 `SSLVerifyClient optional` 必须改为 `SSLVerifyClient require`。</translation>
    </message>
    <message>
        <source>no CA at all</source>
        <translation>无任何 CA</translation>
    </message>
    <message>
        <source>The server accepts client certificates from %1, but not from the Chat client CA %2.</source>
        <translation>服务器可接受的客户端证书 CA：%1；其中不包括即时通信 IM 的客户端 CA 证书 %2。</translation>
    </message>
    <message>
        <source>`ssl_client_certificate` (nginx) or `SSLCACertificateFile` (Apache) names another file: point it at TencentQQAuthCA.crt (nginx `ssl_verify_client optional_no_ca` or `ssl_trusted_certificate` alone also send no names).</source>
        <translation>`ssl_client_certificate`（nginx）或 `SSLCACertificateFile`（Apache）指向了其他文件：请将其指向 TencentQQAuthCA.crt（nginx 的 `ssl_verify_client optional_no_ca` 或仅使用 `ssl_trusted_certificate` 时也不会发送 CA 名称）。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>alert &quot;%1&quot;</source>
        <translation>告警“%1”</translation>
    </message>
    <message>
        <source>The server refused the test client certificate (%1).</source>
        <translation>服务器拒绝了测试客户端证书（%1）。</translation>
    </message>
    <message>
        <source>The server trusts another CA than the one that issued the test certificate: check `ssl_client_certificate` (nginx) or `SSLCACertificateFile` (Apache); when the certificate comes through an intermediate, raise `ssl_verify_depth` (Apache `SSLVerifyDepth`).</source>
        <translation>服务器信任的 CA 不是签发测试证书的那个 CA：请检查 `ssl_client_certificate`（nginx）或 `SSLCACertificateFile`（Apache）；如果证书经由中间证书签发，请调高 `ssl_verify_depth`（Apache 为 `SSLVerifyDepth`）。</translation>
    </message>
    <message>
        <source>The server still accepts %1, a deprecated version.</source>
        <translation>服务器仍接受已弃用的 %1。</translation>
    </message>
    <message>
        <source>Allow only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`. (Chat&apos;s guide shows `ssl_protocols TLSv1 TLSv1.1;`: do not copy that line.)</source>
        <translation>请只允许 TLS 1.2 和 1.3：nginx 使用 `ssl_protocols TLSv1.2 TLSv1.3;`，Apache 使用 `SSLProtocol -all +TLSv1.2 +TLSv1.3`。（即时通信 IM 指南中写的是 `ssl_protocols TLSv1 TLSv1.1;`：请不要照抄这一行。）</translation>
    </message>
    <message>
        <source>%1 holds no certificate.</source>
        <translation>%1 中没有证书。</translation>
    </message>
    <message>
        <source>%1 holds no private key that can be read without a passphrase.</source>
        <translation>%1 中没有无需密码即可读取的私钥。</translation>
    </message>
    <message>
        <source>Resolving the host name</source>
        <translation>正在解析主机名</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>TLS handshake without a client certificate</source>
        <translation>不带客户端证书进行 TLS 握手</translation>
    </message>
    <message>
        <source>HTTP request to the webhook path</source>
        <translation>向回调路径发送 HTTP 请求</translation>
    </message>
    <message>
        <source>Request with the test client certificate</source>
        <translation>使用测试客户端证书发送请求</translation>
    </message>
    <message>
        <source>Checking for TLS 1.0 and 1.1</source>
        <translation>检查 TLS 1.0 和 1.1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The probe was cancelled.</source>
        <translation>探测已取消。</translation>
    </message>
    <message>
        <source>Cannot set up TLS.</source>
        <translation>无法初始化 TLS。</translation>
    </message>
    <message>
        <source>The webhook URL must be a full https:// address, such as https://www.example.com/im/callback (Chat calls webhooks over HTTPS only).</source>
        <translation>回调地址必须是完整的 https:// 地址，例如 https://www.example.com/im/callback（即时通信 IM 只通过 HTTPS 发起回调）。</translation>
    </message>
    <message>
        <source>A test client certificate needs its private key, and the reverse.</source>
        <translation>测试用客户端证书和其私钥必须同时提供。</translation>
    </message>
    <message>
        <source>The client key does not belong to the client certificate.</source>
        <translation>客户端私钥与客户端证书不匹配。</translation>
    </message>
    <message>
        <source>The time limit must be more than zero.</source>
        <translation>时间限制必须大于零。</translation>
    </message>
    <message>
        <source>Looking up %1 took longer than the time limit.</source>
        <translation>解析 %1 的时间超过了时间限制。</translation>
    </message>
    <message>
        <source>The name %1 could not be resolved to an address.</source>
        <translation>无法将域名 %1 解析为地址。</translation>
    </message>
</context>
<context>
    <name>mtls::Sandbox</name>
    <message>
        <source>Making a throwaway test PKI (server CA, server certificate, stand-in Chat client CA, client certificate)</source>
        <translation>正在生成一次性的测试 PKI（服务器 CA、服务器证书、模拟即时通信 IM 的客户端 CA 证书、客户端证书）</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory.</source>
        <translation>无法创建临时目录。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Starting the webhook application</source>
        <translation>正在启动回调处理程序</translation>
    </message>
    <message>
        <source>Generating the %1 configuration</source>
        <translation>正在生成 %1 配置</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1.</source>
        <translation>127.0.0.1 上没有空闲端口。</translation>
    </message>
    <message>
        <source>Starting %1 on 127.0.0.1:%2</source>
        <translation>正在 127.0.0.1:%2 上启动 %1</translation>
    </message>
    <message>
        <source>Probing %1 without and with the client certificate</source>
        <translation>正在分别不带和带客户端证书探测 %1</translation>
    </message>
</context>
<context>
    <name>mtls::SandboxPki</name>
    <message>
        <source>Cannot make the sandbox&apos;s test certificates (%1).</source>
        <translation>无法生成沙盒的测试证书（%1）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>mtls::ServerBinary</name>
    <message>
        <source>The %1 program &quot;%2&quot; does not exist or cannot be run. Give the right path, or install %1, for example with &quot;apt-get install %3&quot; on Debian or Ubuntu.</source>
        <translation>%1 程序“%2”不存在或无法运行。请提供正确的路径，或安装 %1，例如在 Debian 或 Ubuntu 上运行“apt-get install %3”。</translation>
    </message>
    <message>
        <source>%1 is not installed (no &quot;%2&quot; program was found in PATH or in /usr/sbin). Install it, for example with &quot;apt-get install %3&quot; on Debian or Ubuntu, or give the path of the program.</source>
        <translation>%1 没有安装（在 PATH 和 /usr/sbin 中都没有找到“%2”程序）。请安装它，例如在 Debian 或 Ubuntu 上运行“apt-get install %3”，或提供该程序的路径。</translation>
    </message>
</context>
<context>
    <name>mtls::ServerControl</name>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds.</source>
        <translation>%1 没有在 %2 秒内结束。</translation>
    </message>
    <message>
        <source>%1 rejected the configuration.</source>
        <translation>%1 拒绝了该配置。</translation>
    </message>
    <message>
        <source>%1 did not reload (test hook).</source>
        <translation>%1 没有重新加载（测试钩子）。</translation>
    </message>
    <message>
        <source>%1 did not reload its configuration. Is it running?</source>
        <translation>%1 没有重新加载配置。它是否正在运行？</translation>
    </message>
    <message>
        <source>%1 could not show its configuration.</source>
        <translation>%1 无法显示其配置。</translation>
    </message>
    <message>
        <source>Line %1 of %2: %3</source>
        <translation>%2 第 %1 行：%3</translation>
    </message>
</context>
<context>
    <name>mtls::ServerDiscovery</name>
    <message>
        <source>The %1 configuration directory was not found%2. Give it with --server-root.</source>
        <translation>没有找到 %1 的配置目录%2。请用 --server-root 指定。</translation>
    </message>
    <message>
        <source>The %1 main configuration file %2 does not exist. Give it with --main-config.</source>
        <translation>%1 的主配置文件 %2 不存在。请用 --main-config 指定。</translation>
    </message>
</context>
<context>
    <name>mtls::ServerMaterialSelector</name>
    <message>
        <source>No server certificate was found in the files given.</source>
        <translation>在提供的文件中没有找到服务器证书。</translation>
    </message>
    <message>
        <source>Add the certificate file (.crt, .pem) or the .zip package downloaded with the key.</source>
        <translation>请添加证书文件（.crt、.pem），或与私钥一起下载的 .zip 证书包。</translation>
    </message>
    <message>
        <source>The certificates are not in serving order (the server certificate first, then each issuer).</source>
        <translation>证书的排列顺序不对（应先是服务器证书，然后依次是各级签发者）。</translation>
    </message>
    <message>
        <source>Nothing to do here: the assistant writes them in the right order. If you configure the server by hand, put the server certificate first in the bundle.</source>
        <translation>此处无需处理：本助手会按正确顺序写入。如果您手动配置服务器，请把服务器证书放在证书包的最前面。</translation>
    </message>
    <message>
        <source>No private key was found for the certificate &quot;%1&quot;.</source>
        <translation>没有找到证书“%1”的私钥。</translation>
    </message>
    <message>
        <source>Add the key file (.key) that was made with the certificate request, or the .zip package that holds it. A certificate cannot be served without its key.</source>
        <translation>请添加与证书请求一起生成的私钥文件（.key），或包含它的 .zip 证书包。没有私钥，服务器就无法使用该证书。</translation>
    </message>
    <message>
        <source>The private key (%1) does not belong to the certificate &quot;%2&quot;.</source>
        <translation>私钥（%1）与证书“%2”不匹配。</translation>
    </message>
    <message>
        <source>Use the key that was made with this certificate&apos;s request; after a renewal, the old key usually no longer fits. Download the certificate and key together again if in doubt.</source>
        <translation>请使用与该证书请求一起生成的私钥；续期后，旧私钥通常不再匹配。如有疑问，请重新一起下载证书和私钥。</translation>
    </message>
</context>
<context>
    <name>mtls::SiteConflicts</name>
    <message>
        <source>Another site already answers for %1 on port %2 (%3). The server will use only one of them, so Chat&apos;s calls might not reach the new configuration.</source>
        <translation>端口 %2 上已有另一个站点响应 %1（%3）。服务器只会使用其中一个，因此即时通信 IM 的回调请求可能无法到达新配置。</translation>
    </message>
    <message>
        <source>Remove or change that site, or merge the client certificate settings into it.</source>
        <translation>请删除或修改该站点，或将客户端证书设置合并到该站点中。</translation>
    </message>
</context>
<context>
    <name>mtls::ThrowawayServer</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory for the test server: %1</source>
        <translation>无法为测试服务器创建临时目录：%1</translation>
    </message>
    <message>
        <source>The directory %1 cannot be used for a test server: its name contains a quote or a line break.</source>
        <translation>目录 %1 不能用于测试服务器：其名称中包含引号或换行符。</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds.</source>
        <translation>%1 没有在 %2 秒内结束。</translation>
    </message>
    <message>
        <source>%1 rejected the configuration.</source>
        <translation>%1 拒绝了该配置。</translation>
    </message>
    <message>
        <source>No port was given for the test server.</source>
        <translation>没有为测试服务器指定端口。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use.</source>
        <translation>%2 上的端口 %1 已被占用。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not start listening on %2 port %3.</source>
        <translation>%1 没有开始监听 %2 的 %3 端口。</translation>
    </message>
    <message>
        <source>The test server is not running.</source>
        <translation>测试服务器没有在运行。</translation>
    </message>
    <message>
        <source>Cannot signal the test server to reload.</source>
        <translation>无法向测试服务器发送重新加载信号。</translation>
    </message>
    <message>
        <source>%1 did not reload its configuration.</source>
        <translation>%1 没有重新加载配置。</translation>
    </message>
    <message>
        <source>%1 stopped listening after the reload.</source>
        <translation>%1 在重新加载后停止了监听。</translation>
    </message>
    <message>
        <source>Reloading a test server is only supported on Unix.</source>
        <translation>仅在 Unix 上支持重新加载测试服务器。</translation>
    </message>
</context>
<context>
    <name>mtls::TlsProfile</name>
    <message>
        <source>The chat-guide profile allows only TLS 1.0 and TLS 1.1, as the Chat guide&apos;s sample does. Those versions are deprecated (RFC 8996) and refused by OpenSSL 3 at its default security level, so a current server with this configuration cannot complete a handshake with them.</source>
        <translation>指南示例（chat-guide）配置档与即时通信 IM 指南中的示例一样，只允许 TLS 1.0 和 TLS 1.1。这两个版本已被弃用（RFC 8996），OpenSSL 3 在默认安全级别下会拒绝它们，因此使用此配置的新版服务器无法用它们完成握手。</translation>
    </message>
    <message>
        <source>Use the intermediate profile (TLS 1.2 and 1.3, the default) or modern (TLS 1.3 only).</source>
        <translation>请使用中级（intermediate）配置档（TLS 1.2 和 1.3，默认）或现代（modern）配置档（仅 TLS 1.3）。</translation>
    </message>
</context>
<context>
    <name>mtls::TrustStore</name>
    <message>
        <source>The system&apos;s trust store cannot be opened.</source>
        <translation>无法打开系统信任库。</translation>
    </message>
    <message>
        <source>No root certificate could be read from &quot;%1&quot;.</source>
        <translation>无法从“%1”读取任何根证书。</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
</context>
<context>
    <name>mtls::WebhookUpstream</name>
    <message>
        <source>The test webhook application cannot listen on %1 port %2: %3</source>
        <translation>测试用回调处理程序无法监听 %1 的 %2 端口：%3</translation>
    </message>
</context>
<context>
    <name>mtls::ZipArchive</name>
    <message>
        <source>The zip archive is damaged and cannot be read.</source>
        <translation>zip 压缩包已损坏，无法读取。</translation>
    </message>
    <message>
        <source>zip error %1</source>
        <translation>zip 错误 %1</translation>
    </message>
    <message>
        <source>The zip archive holds %1 entries, more than the %2 a certificate package can have.</source>
        <translation>zip 压缩包中有 %1 个条目，超过了证书包可能包含的 %2 个。</translation>
    </message>
    <message>
        <source>bad entry header</source>
        <translation>条目头损坏</translation>
    </message>
    <message>
        <source>The zip archive holds an entry with a path outside the archive (&quot;%1&quot;): refused.</source>
        <translation>zip 压缩包中有一个路径指向压缩包之外的条目（“%1”）：已拒绝。</translation>
    </message>
    <message>
        <source>The zip archive holds a symbolic link (&quot;%1&quot;): refused.</source>
        <translation>zip 压缩包中有一个符号链接（“%1”）：已拒绝。</translation>
    </message>
    <message>
        <source>The zip archive is protected by a password. Extract it first, then import the files.</source>
        <translation>zip 压缩包受密码保护。请先解压，然后导入其中的文件。</translation>
    </message>
    <message>
        <source>cannot open entry &quot;%1&quot; (zip error %2)</source>
        <translation>无法打开条目“%1”（zip 错误 %2）</translation>
    </message>
    <message>
        <source>cannot inflate entry &quot;%1&quot; (zip error %2)</source>
        <translation>无法解压条目“%1”（zip 错误 %2）</translation>
    </message>
    <message>
        <source>The zip archive unpacks to more than a certificate package can hold (&quot;%1&quot; is too large): refused.</source>
        <translation>zip 压缩包解压后的大小超过了证书包可能的大小（“%1”过大）：已拒绝。</translation>
    </message>
    <message>
        <source>entry &quot;%1&quot; fails its checksum</source>
        <translation>条目“%1”校验和错误</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ApplyCommand</name>
    <message>
        <source>Install the files and the configuration on this machine&apos;s server, test, reload; undo on failure.</source>
        <translation>在本机服务器上安装文件和配置，测试并重新加载；失败时撤销更改。</translation>
    </message>
    <message>
        <source>Applied the configuration for %1 to %2:</source>
        <translation>已将 %1 的配置应用到 %2：</translation>
    </message>
    <message>
        <source>Add this line to %1 so the server reads the file: %2</source>
        <translation>请在 %1 中添加下面这一行，以便服务器读取该文件：%2</translation>
    </message>
    <message>
        <source>The server tested and reloaded the new configuration. &apos;mtls-assistant-cli rollback&apos; puts the previous one back.</source>
        <translation>服务器已测试并重新加载了新配置。运行 &apos;mtls-assistant-cli rollback&apos; 可恢复之前的配置。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::CheckCommand</name>
    <message>
        <source>Checking the certificate for %1</source>
        <translation>正在检查 %1 的证书</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>签发者</translation>
    </message>
    <message>
        <source>names</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中间证书</translation>
    </message>
    <message>
        <source>Client CA (callers must present a certificate it issued)</source>
        <translation>客户端 CA 证书（调用方必须出示由它签发的证书）</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Ready: no error found (%1).</source>
        <translation>就绪：未发现错误（%1）。</translation>
    </message>
    <message>
        <source>Not ready: %1. Fix the errors above and check again.</source>
        <translation>未就绪：%1。请修复上述错误后重新检查。</translation>
    </message>
    <message>
        <source>Check a server certificate, its key and chain, and the Chat client CA.</source>
        <translation>检查服务器证书、私钥、证书链以及即时通信 IM 的客户端 CA 证书。</translation>
    </message>
    <message>
        <source>The webhook domain (as in the Chat console), or the webhook URL.</source>
        <translation>回调域名（与即时通信 IM 控制台中一致），或回调地址。</translation>
    </message>
    <message>
        <source>The server certificate (PEM, DER; may also hold the chain and the key).</source>
        <translation>服务器证书（PEM、DER；也可包含证书链和私钥）。</translation>
    </message>
    <message>
        <source>The private key, when it is in a file of its own.</source>
        <translation>私钥（当它是单独的文件时）。</translation>
    </message>
    <message>
        <source>The intermediate certificates, when they are in a file of their own.</source>
        <translation>中间证书（当它们是单独的文件时）。</translation>
    </message>
    <message>
        <source>A PKCS#12 (.pfx, .p12) file with the certificate and key.</source>
        <translation>包含证书和私钥的 PKCS#12（.pfx、.p12）文件。</translation>
    </message>
    <message>
        <source>The .zip package as downloaded (Tencent Cloud SSL or the Chat console).</source>
        <translation>下载的 .zip 证书包（来自腾讯云 SSL 证书或即时通信 IM 控制台）。</translation>
    </message>
    <message>
        <source>Chat&apos;s client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip.</source>
        <translation>即时通信 IM 的客户端 CA 证书：TencentQQAuthCA.crt 或 TencentQQAuthCA.crt.zip。</translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the passphrase of the key or PKCS#12 file.</source>
        <translation>保存私钥或 PKCS#12 文件密码的环境变量名。</translation>
    </message>
    <message>
        <source>The certificate was issued by Chat (downloaded from the console).</source>
        <translation>证书由即时通信 IM 签发（从控制台下载）。</translation>
    </message>
    <message>
        <source>A PEM file of root certificates to trust instead of the system&apos;s.</source>
        <translation>用来代替系统信任库的根证书 PEM 文件。</translation>
    </message>
    <message>
        <source>--domain is required.</source>
        <translation>必须提供 --domain。</translation>
    </message>
    <message>
        <source>give the certificate with --cert, --pkcs12 or --bundle.</source>
        <translation>请用 --cert、--pkcs12 或 --bundle 提供证书。</translation>
    </message>
    <message>
        <source>give only one of --cert, --pkcs12 and --bundle.</source>
        <translation>--cert、--pkcs12 和 --bundle 只能提供其中一个。</translation>
    </message>
    <message>
        <source>--key and --chain go with --cert.</source>
        <translation>--key 和 --chain 需要与 --cert 一起使用。</translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --passphrase-env) is not set.</source>
        <translation>环境变量 %1（由 --passphrase-env 指定）没有设置。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1（剩余 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>%1 (private key not found)</source>
        <translation>%1（未找到私钥）</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>mtls::cli::Command</name>
    <message>
        <source>Print one JSON object instead of the report.</source>
        <translation>输出一个 JSON 对象，而不是报告。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ExportCommand</name>
    <message>
        <source>Write a bundle for another server: configuration, certificate files, install script, README.</source>
        <translation>为另一台服务器生成部署包：配置、证书文件、安装脚本和 README。</translation>
    </message>
    <message>
        <source>The configuration directory on the target server. Default: /etc/nginx or /etc/apache2.</source>
        <translation>目标服务器上的配置目录。默认：/etc/nginx 或 /etc/apache2。</translation>
    </message>
    <message>
        <source>The target server&apos;s layout: debian (default), redhat, alpine, homebrew, custom.</source>
        <translation>目标服务器的目录布局：debian（默认）、redhat、alpine、homebrew、custom。</translation>
    </message>
    <message>
        <source>Where install.sh keeps its backups on the target server. Default: /var/backups/mtls-assistant/DOMAIN.</source>
        <translation>install.sh 在目标服务器上保存备份的位置。默认：/var/backups/mtls-assistant/DOMAIN。</translation>
    </message>
    <message>
        <source>The bundle: a new folder, or a file ending in .zip.</source>
        <translation>部署包：一个新文件夹，或以 .zip 结尾的文件。</translation>
    </message>
    <message>
        <source>Do not prove the configuration with the server installed here.</source>
        <translation>不使用本机安装的服务器验证配置。</translation>
    </message>
    <message>
        <source>--out is required.</source>
        <translation>必须提供 --out。</translation>
    </message>
    <message>
        <source>--layout must be debian, redhat, alpine, homebrew or custom.</source>
        <translation>--layout 必须是 debian、redhat、alpine、homebrew 或 custom。</translation>
    </message>
    <message>
        <source>%1 on this machine refuses this configuration with these certificate files.</source>
        <translation>本机上的 %1 拒绝了使用这些证书文件的此配置。</translation>
    </message>
    <message>
        <source>Wrote %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <source>Copy it to the server and run &apos;sh install.sh&apos; there as root. It holds the private key: keep it private and delete it once installed.</source>
        <translation>请将其复制到服务器，并在服务器上以 root 身份运行 &apos;sh install.sh&apos;。其中包含私钥：请妥善保管，安装完成后将其删除。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::GenerateCommand</name>
    <message>
        <source>Write the nginx or Apache configuration for HTTPS mutual TLS (after the same checks as check).</source>
        <translation>生成用于 HTTPS 双向认证的 nginx 或 Apache 配置（先进行与 check 相同的检查）。</translation>
    </message>
    <message>
        <source>Where the certificate files will be on the server (the configuration refers to DIR/DOMAIN/...). Default: the server&apos;s configuration directory + /mtls-assistant.</source>
        <translation>证书文件在服务器上的存放位置（配置中引用 DIR/DOMAIN/...）。默认：服务器配置目录 + /mtls-assistant。</translation>
    </message>
    <message>
        <source>Write the configuration to FILE (&quot;-&quot;: standard output, the default).</source>
        <translation>将配置写入 FILE（“-”表示标准输出，为默认值）。</translation>
    </message>
    <message>
        <source>Do not prove the configuration with the installed server.</source>
        <translation>不使用已安装的服务器验证配置。</translation>
    </message>
    <message>
        <source>Print one JSON object: the configuration, the paths it refers to, the findings.</source>
        <translation>输出一个 JSON 对象：包含配置、其引用的路径以及检查结果。</translation>
    </message>
    <message>
        <source>%1 refuses this configuration with these certificate files.</source>
        <translation>%1 拒绝了使用这些证书文件的此配置。</translation>
    </message>
    <message>
        <source>The configuration was not tested: %1 is not installed on this machine.</source>
        <translation>配置未经测试：本机没有安装 %1。</translation>
    </message>
    <message>
        <source>Run &quot;%1 -t&quot; on the server after installing the files.</source>
        <translation>安装文件后，请在服务器上运行“%1 -t”。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::Output</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>mtls-assistant-cli %1: %2</source>
        <translation>mtls-assistant-cli %1：%2</translation>
    </message>
    <message>
        <source>Run &apos;mtls-assistant-cli %1 --help&apos; for the options.</source>
        <translation>运行 &apos;mtls-assistant-cli %1 --help&apos; 查看选项。</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>The summary of a check: &quot;2 errors, 1 warning&quot;.</extracomment>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ProbeCommand</name>
    <message>
        <source>Test a live webhook endpoint as Chat&apos;s servers will meet it (TLS, client certificate, HTTP).</source>
        <translation>以即时通信 IM 服务器的视角测试线上的回调地址（TLS、客户端证书、HTTP）。</translation>
    </message>
    <message>
        <source>The webhook URL, https://host[:port]/path</source>
        <translation>回调地址，https://host[:port]/path</translation>
    </message>
    <message>
        <source>give exactly one URL.</source>
        <translation>请只提供一个地址。</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds between 0 and 3600.</source>
        <translation>--timeout 需要 0 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>--client-cert and --client-key go together.</source>
        <translation>--client-cert 和 --client-key 必须同时使用。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ProbeReportText</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>refused in the TLS handshake</source>
        <translation>在 TLS 握手时被拒绝</translation>
    </message>
    <message>
        <source>refused with HTTP %1</source>
        <translation>被拒绝（HTTP %1）</translation>
    </message>
    <message>
        <source>let through (HTTP %1)</source>
        <translation>被放行（HTTP %1）</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>未测试</translation>
    </message>
    <message>
        <source>Probe of %1</source>
        <translation>%1 的探测结果</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>none reached</source>
        <translation>均无法连接</translation>
    </message>
    <message>
        <source>protocol and cipher</source>
        <translation>协议和加密套件</translation>
    </message>
    <message>
        <source>server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>then the chain</source>
        <translation>其后的证书链</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>签发者</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1（%2 天）</translation>
    </message>
    <message>
        <source>trusted, name matches</source>
        <translation>受信任，域名匹配</translation>
    </message>
    <message>
        <source>client certificate requested</source>
        <translation>要求客户端证书</translation>
    </message>
    <message>
        <source>acceptable client CA names</source>
        <translation>可接受的客户端 CA 名称</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Chat client CA listed</source>
        <translation>包含即时通信 IM 客户端 CA 证书</translation>
    </message>
    <message>
        <source>caller without a certificate</source>
        <translation>不带证书的调用方</translation>
    </message>
    <message>
        <source>caller with the test certificate</source>
        <translation>带测试证书的调用方</translation>
    </message>
    <message>
        <source>timings</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>resolve %1, connect %2, handshake %3, request %4, total %5</source>
        <translation>解析 %1，连接 %2，握手 %3，请求 %4，总计 %5</translation>
    </message>
    <message>
        <source>  Everything Chat&apos;s servers need is in place.</source>
        <translation>  即时通信 IM 服务器所需的一切均已就绪。</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>A label of the probe report followed by its value&apos;s separator, as in &quot;address:&quot;.</extracomment>
        <translation>%1：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RollbackCommand</name>
    <message>
        <source>Put back what the last apply changed, then test and reload the server.</source>
        <translation>撤销上一次应用所做的更改，然后测试并重新加载服务器。</translation>
    </message>
    <message>
        <source>The previous configuration is back and the server reloaded it.</source>
        <translation>已恢复之前的配置，服务器已重新加载该配置。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::SandboxCommand</name>
    <message>
        <source>refused with HTTP %1</source>
        <translation>被拒绝（HTTP %1）</translation>
    </message>
    <message>
        <source>refused in the TLS handshake</source>
        <translation>在 TLS 握手时被拒绝</translation>
    </message>
    <message numerus="yes">
        <source>The setup works: a caller without a client certificate was %1, the stand-in for Chat&apos;s servers with its certificate got through (HTTP %2), and %n request(s) reached the webhook application.</source>
        <translation>
            <numerusform>配置有效：没有客户端证书的调用方%1，持有证书的即时通信 IM 服务器替身顺利通过（HTTP %2），共有 %n 个请求到达了回调处理程序。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the whole job on this computer: test certificates, generated configuration, the real server, the probe.</source>
        <translation>在本机演示完整流程：测试证书、生成配置、运行真实的服务器并进行探测。</translation>
    </message>
    <message>
        <source>The server to run: nginx (default) or apache.</source>
        <translation>要运行的服务器：nginx（默认）或 apache。</translation>
    </message>
    <message>
        <source>nginx|apache</source>
        <translation>nginx|apache</translation>
    </message>
    <message>
        <source>Leave the sandbox running after the report, until Ctrl+C.</source>
        <translation>输出报告后保持沙盒运行，直到按下 Ctrl+C。</translation>
    </message>
    <message>
        <source>takes no arguments.</source>
        <translation>不接受参数。</translation>
    </message>
    <message>
        <source>--server must be nginx or apache.</source>
        <translation>--server 必须是 nginx 或 apache。</translation>
    </message>
    <message>
        <source>mTLS Assistant sandbox: the whole job on this computer, with %1</source>
        <translation>mTLS 双向认证助手沙盒：使用 %1 在本机演示完整流程</translation>
    </message>
    <message>
        <source>The generated configuration</source>
        <translation>生成的配置</translation>
    </message>
    <message>
        <source>The sandbox did not work as it should: see the findings above.</source>
        <translation>沙盒没有按预期工作：请查看上面的检查结果。</translation>
    </message>
    <message>
        <source>From command to report: %1 ms.</source>
        <translation>从执行命令到输出报告：%1 毫秒。</translation>
    </message>
    <message>
        <source>The sandbox keeps running under %1. Try it:</source>
        <translation>沙盒仍在 %1 下运行。可以这样试试：</translation>
    </message>
    <message>
        <source>Press Ctrl+C (or run: kill %1) to stop it and remove everything.</source>
        <translation>按 Ctrl+C（或运行：kill %1）停止沙盒并删除所有内容。</translation>
    </message>
    <message>
        <source>Stopped %1 and the webhook application; removed %2.</source>
        <translation>已停止 %1 和回调处理程序；已删除 %2。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ServerCommandOptions</name>
    <message>
        <source>The web server: nginx or apache.</source>
        <translation>Web 服务器：nginx 或 apache。</translation>
    </message>
    <message>
        <source>The webhook domain (as in the Chat console).</source>
        <translation>回调域名（与即时通信 IM 控制台中一致）。</translation>
    </message>
    <message>
        <source>The server certificate (PEM, DER; may also hold the chain and the key).</source>
        <translation>服务器证书（PEM、DER；也可包含证书链和私钥）。</translation>
    </message>
    <message>
        <source>The private key, when it is in a file of its own.</source>
        <translation>私钥（当它是单独的文件时）。</translation>
    </message>
    <message>
        <source>The intermediate certificates, when they are in a file of their own.</source>
        <translation>中间证书（当它们是单独的文件时）。</translation>
    </message>
    <message>
        <source>Chat&apos;s client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip.</source>
        <translation>即时通信 IM 的客户端 CA 证书：TencentQQAuthCA.crt 或 TencentQQAuthCA.crt.zip。</translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the passphrase of the key.</source>
        <translation>保存私钥密码的环境变量名。</translation>
    </message>
    <message>
        <source>The certificate was issued by Chat (downloaded from the console).</source>
        <translation>证书由即时通信 IM 签发（从控制台下载）。</translation>
    </message>
    <message>
        <source>A PEM file of root certificates to trust instead of the system&apos;s.</source>
        <translation>用来代替系统信任库的根证书 PEM 文件。</translation>
    </message>
    <message>
        <source>Address and port to listen on (repeatable). Default: port 443 on every IPv4 and IPv6 address.</source>
        <translation>监听的地址和端口（可重复指定）。默认：所有 IPv4 和 IPv6 地址的 443 端口。</translation>
    </message>
    <message>
        <source>The URL of the webhook application. Default: http://127.0.0.1:8080.</source>
        <translation>回调处理程序的地址。默认：http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <source>The webhook path Chat calls. Default: / (everything).</source>
        <translation>即时通信 IM 调用的回调路径。默认：/（所有路径）。</translation>
    </message>
    <message>
        <source>TLS profile: intermediate (default), modern or chat-guide.</source>
        <translation>TLS 配置档：intermediate（默认）、modern 或 chat-guide。</translation>
    </message>
    <message>
        <source>The server&apos;s version, when it is not this machine&apos;s (Apache before 2.4.8 needs a chain file).</source>
        <translation>服务器版本（当它不是本机的服务器时；2.4.8 之前的 Apache 需要单独的证书链文件）。</translation>
    </message>
    <message>
        <source>The server&apos;s configuration directory (for example /etc/nginx).</source>
        <translation>服务器的配置目录（例如 /etc/nginx）。</translation>
    </message>
    <message>
        <source>The server&apos;s main configuration file, when not the usual one.</source>
        <translation>服务器的主配置文件（当它不是通常的那个时）。</translation>
    </message>
    <message>
        <source>nginx only: the prefix directory (nginx -p).</source>
        <translation>仅限 nginx：前缀目录（nginx -p）。</translation>
    </message>
    <message>
        <source>The server program, when it is not found in PATH.</source>
        <translation>服务器程序（当在 PATH 中找不到时）。</translation>
    </message>
    <message>
        <source>Where the apply journal and backups are kept. Default: the application&apos;s data directory.</source>
        <translation>保存应用日志和备份的位置。默认：本程序的数据目录。</translation>
    </message>
    <message>
        <source>--server nginx|apache is required.</source>
        <translation>必须提供 --server nginx|apache。</translation>
    </message>
    <message>
        <source>--server must be nginx or apache.</source>
        <translation>--server 必须是 nginx 或 apache。</translation>
    </message>
    <message>
        <source>--%1 is required.</source>
        <translation>必须提供 --%1。</translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --passphrase-env) is not set.</source>
        <translation>环境变量 %1（由 --passphrase-env 指定）没有设置。</translation>
    </message>
    <message>
        <source>The certificate material has errors; nothing was generated or changed. Run &apos;mtls-assistant-cli check&apos; with the same options for the details.</source>
        <translation>证书材料有错误；未生成或更改任何内容。请用相同的选项运行 &apos;mtls-assistant-cli check&apos; 查看详情。</translation>
    </message>
    <message>
        <source>--listen &quot;%1&quot; is not ADDR:PORT, [IPv6]:PORT or PORT.</source>
        <translation>--listen “%1”不是 ADDR:PORT、[IPv6]:PORT 或 PORT 格式。</translation>
    </message>
    <message>
        <source>--tls must be one of: %1.</source>
        <translation>--tls 必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>--server-version must look like 2.4.57.</source>
        <translation>--server-version 的格式应类似 2.4.57。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::main</name>
    <message>
        <source>mtls-assistant-cli %1: sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks on Nginx and Apache.</source>
        <translation>mtls-assistant-cli %1：为 Nginx 和 Apache 配置腾讯云即时通信 IM 回调的 HTTPS 双向认证。</translation>
    </message>
    <message>
        <source>Usage: mtls-assistant-cli &lt;command&gt; [options]</source>
        <translation>用法：mtls-assistant-cli &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;mtls-assistant-cli &lt;command&gt; --help&apos; for the options of one command.</source>
        <translation>运行 &apos;mtls-assistant-cli &lt;命令&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Exit codes: 0 no error found, 1 an error finding, 2 usage error or failure to run.</source>
        <translation>退出码：0 未发现错误，1 检查结果中有错误，2 用法错误或无法运行。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>mtls-assistant-cli: &quot;%1&quot; is not a command. Run &apos;mtls-assistant-cli --help&apos; for the list.</source>
        <translation>mtls-assistant-cli：“%1”不是命令。运行 &apos;mtls-assistant-cli --help&apos; 查看命令列表。</translation>
    </message>
</context>
<context>
    <name>mtls::configsyntax</name>
    <message>
        <source>The %1 &quot;%2&quot; contains characters that cannot be used. Use only ASCII letters, digits and - . _ ~ / : @ ! , + =.</source>
        <translation>%1“%2”包含无法使用的字符。只能使用 ASCII 字母、数字以及 - . _ ~ / : @ ! , + =。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; has an empty, &quot;.&quot; or &quot;..&quot; part.</source>
        <translation>%1“%2”中有为空、为“.”或“..”的部分。</translation>
    </message>
    <message>
        <source>No domain name was given.</source>
        <translation>没有提供域名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name. Use the host name Chat calls, for example &quot;webhook.example.com&quot;: letters, digits and hyphens, separated by dots.</source>
        <translation>“%1”不是有效的域名。请使用即时通信 IM 回调的主机名，例如“webhook.example.com”：由字母、数字和连字符组成，各部分以点分隔。</translation>
    </message>
    <message>
        <source>The webhook path &quot;%1&quot; must start with &quot;/&quot;.</source>
        <translation>回调路径“%1”必须以“/”开头。</translation>
    </message>
    <message>
        <source>The webhook path is too long (at most 1024 characters).</source>
        <translation>回调路径过长（最多 1024 个字符）。</translation>
    </message>
    <message>
        <source>webhook path</source>
        <translation>回调路径</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable URL for the webhook application. Give it as http://HOST:PORT/PATH, for example http://127.0.0.1:8080/webhook.</source>
        <translation>“%1”不是可用的回调处理程序地址。请按 http://主机:端口/路径 的格式提供，例如 http://127.0.0.1:8080/webhook。</translation>
    </message>
    <message>
        <source>The webhook application&apos;s URL must start with http:// or https://.</source>
        <translation>回调处理程序的地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The webhook application&apos;s URL may not contain a user name, a query (?...) or a fragment (#...).</source>
        <translation>回调处理程序的地址不能包含用户名、查询参数（?...）或片段（#...）。</translation>
    </message>
    <message>
        <source>path of the webhook application&apos;s URL</source>
        <translation>回调处理程序地址中的路径</translation>
    </message>
    <message>
        <source>The %1 is empty.</source>
        <translation>%1为空。</translation>
    </message>
    <message>
        <source>The %1 contains a line break or another control character, which cannot be written into an nginx configuration.</source>
        <translation>%1包含换行符或其他控制字符，无法写入 nginx 配置。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; contains &quot;$&quot;, which nginx would read as a variable. Rename the file or folder without &quot;$&quot;.</source>
        <translation>%1“%2”包含“$”，nginx 会把它当作变量。请重命名文件或文件夹，去掉“$”。</translation>
    </message>
    <message>
        <source>The %1 contains a line break or another control character, which cannot be written into an Apache configuration.</source>
        <translation>%1包含换行符或其他控制字符，无法写入 Apache 配置。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; contains a backslash, which Apache would read as an escape. Use &quot;/&quot; between folders and rename files without &quot;\&quot;.</source>
        <translation>%1“%2”包含反斜杠，Apache 会把它当作转义符。请用“/”分隔文件夹，并重命名文件，去掉“\”。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; contains &quot;${&quot;, which Apache would read as a variable. Rename the file or folder.</source>
        <translation>%1“%2”包含“${”，Apache 会把它当作变量。请重命名该文件或文件夹。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::MainWizard</name>
    <message>
        <source>mTLS Assistant</source>
        <translation>mTLS 双向认证助手</translation>
    </message>
</context>
</TS>
