<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Print one JSON object instead of the report.</source>
        <translation>输出一个 JSON 对象，而不是报告。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>多余的参数“%1”。</translation>
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
    <name>mtls::ui::MainWizard</name>
    <message>
        <source>mTLS Assistant</source>
        <translation>mTLS 双向认证助手</translation>
    </message>
</context>
</TS>
