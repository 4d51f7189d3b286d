<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplyPage</name>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Apply the configuration</source>
        <translation>应用配置</translation>
    </message>
    <message>
        <source>&amp;Export to a folder...</source>
        <translation>导出到文件夹(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the files to a folder</source>
        <translation>将文件导出到文件夹</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>CertificatePathPage</name>
    <message>
        <source>Which certificate will your server show to Chat&apos;s servers?</source>
        <translation>您的服务器将向即时通信 IM 后台出示哪种证书？</translation>
    </message>
    <message>
        <source>I have a certificate from a certificate &amp;authority</source>
        <translation>我有证书颁发机构签发的证书(&amp;A)</translation>
    </message>
    <message>
        <source>I have a certificate from a certificate authority</source>
        <translation>我有证书颁发机构签发的证书</translation>
    </message>
    <message>
        <source>You need the certificate for your webhook domain, its intermediate certificates and its private key: separate files, a .pfx/.p12 file, or the .zip package you downloaded.</source>
        <translation>您需要回调域名的证书、该证书的中间证书和私钥：可以是单独的文件、一个 .pfx/.p12 文件，或您下载的 .zip 证书包。</translation>
    </message>
    <message>
        <source>&amp;Chat issued a certificate for my domain (downloaded from the console)</source>
        <translation>即时通信 IM 为我的域名签发了证书（从控制台下载）(&amp;C)</translation>
    </message>
    <message>
        <source>Chat issued a certificate for my domain</source>
        <translation>即时通信 IM 为我的域名签发了证书</translation>
    </message>
    <message>
        <source>You need the .zip package with the certificate and the private key that you downloaded from the Chat console after setting the webhook URL there.</source>
        <translation>您需要在 IM 控制台设置回调 URL 后，从控制台下载的 .zip 证书包（含证书和私钥）。</translation>
    </message>
</context>
<context>
    <name>ClientCaPage</name>
    <message>
        <source>Chat&apos;s servers show a client certificate issued by Chat&apos;s CA. Download TencentQQAuthCA.crt.zip from the Chat documentation or console and import it here (the .zip or the .crt inside it). Compare the fingerprint below with the one Chat publishes before you continue.</source>
        <translation>IM 后台会出示由 IM 的 CA 签发的客户端证书。请从 IM 文档或控制台下载 TencentQQAuthCA.crt.zip，并在此导入（.zip 文件或其中的 .crt 文件均可）。继续之前，请将下方的指纹与 IM 公布的指纹比对。</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Chat client CA</source>
        <translation>即时通信 IM 客户端 CA 证书</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Subject of the client CA</source>
        <translation>客户端 CA 证书的主题</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Validity of the client CA</source>
        <translation>客户端 CA 证书的有效期</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the client CA</source>
        <translation>客户端 CA 证书的 SHA-256 指纹</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>File of the client CA</source>
        <translation>客户端 CA 证书文件</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>EndpointPage</name>
    <message>
        <source>Enter the webhook URL exactly as it is configured in the Chat console (or just its domain). Chat&apos;s servers will call this address over HTTPS.</source>
        <translation>请输入与 IM 控制台中配置完全一致的回调 URL（或仅输入其中的域名）。IM 后台将通过 HTTPS 调用该地址。</translation>
    </message>
    <message>
        <source>Webhook &amp;URL or domain:</source>
        <translation>回调 URL 或域名(&amp;U)：</translation>
    </message>
    <message>
        <source>https://webhook.example.com/im/callback</source>
        <translation>https://webhook.example.com/im/callback</translation>
    </message>
    <message>
        <source>Webhook URL or domain</source>
        <translation>回调 URL 或域名</translation>
    </message>
    <message>
        <source>Webhook &amp;path:</source>
        <translation>回调路径(&amp;P)：</translation>
    </message>
    <message>
        <source>Webhook path</source>
        <translation>回调路径</translation>
    </message>
    <message>
        <source>Domain rules of the Chat guide: letters a-z, digits and hyphens; no hyphen at the start or end of a part and no two hyphens in a row; each part at most 63 characters.</source>
        <translation>IM 文档中的域名规则：只能使用英文字母（a-z）、数字和连接符（-）；连接符不能位于每一段的开头或结尾，也不能连续出现；每一段最长 63 个字符。</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>&amp;Save the report...</source>
        <translation>保存报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the report as HTML or PDF</source>
        <translation>将报告保存为 HTML 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Remind me before it expires</source>
        <translation>到期前提醒我(&amp;R)</translation>
    </message>
    <message>
        <source>Install a daily reminder that notifies you before the certificate expires</source>
        <translation>安装每日提醒，在证书过期前通知您</translation>
    </message>
</context>
<context>
    <name>FirstCallPage</name>
    <message>
        <source>Calls from Chat</source>
        <translation>来自即时通信 IM 的回调</translation>
    </message>
    <message>
        <source>Rehearse the webhook application</source>
        <translation>演练回调处理程序</translation>
    </message>
    <message>
        <source>SDK&amp;AppID:</source>
        <translation>应用 SDKAppID(&amp;A)：</translation>
    </message>
    <message>
        <source>SDKAppID of the Chat application</source>
        <translation>即时通信 IM 应用的 SDKAppID</translation>
    </message>
    <message>
        <source>Webhook &amp;token (optional):</source>
        <translation>回调鉴权 token（可选）(&amp;T)：</translation>
    </message>
    <message>
        <source>Webhook authentication token</source>
        <translation>回调鉴权 token</translation>
    </message>
    <message>
        <source>R&amp;ehearse the application</source>
        <translation>演练回调处理程序(&amp;E)</translation>
    </message>
    <message>
        <source>Findings of the rehearsal</source>
        <translation>演练的检查结果</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>This file is protected by a passphrase</source>
        <translation>此文件受密码保护</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>密码(&amp;A)：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>R&amp;emember it in the system keychain</source>
        <translation>保存到系统钥匙串(&amp;E)</translation>
    </message>
    <message>
        <source>Remember the passphrase in the system keychain</source>
        <translation>将密码保存到系统钥匙串</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock with this passphrase</source>
        <translation>使用此密码解锁</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>RenewComparePage</name>
    <message>
        <source>The certificate in use and the new one, side by side.</source>
        <translation>并排对比当前使用的证书和新证书。</translation>
    </message>
    <message>
        <source>The certificate in use and the new one</source>
        <translation>当前使用的证书和新证书</translation>
    </message>
</context>
<context>
    <name>RenewSelectPage</name>
    <message>
        <source>Pick the setup whose certificate you want to renew. You will import the new certificate, compare it with the one in use, and apply it with a backup.</source>
        <translation>请选择要续期证书的部署。接下来您将导入新证书，与当前使用的证书对比，然后先备份再应用新证书。</translation>
    </message>
    <message>
        <source>Saved setups</source>
        <translation>部署记录</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Generated configuration</source>
        <translation>生成的配置</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
</context>
<context>
    <name>SandboxPage</name>
    <message>
        <source>The sandbox makes a throwaway certificate authority, a server certificate and a client certificate like Chat&apos;s, writes the configuration with the real generator, starts the real server on a free loopback port and calls it like Chat would. Nothing on your system is changed; everything is removed afterwards.</source>
        <translation>沙盒会生成一次性的证书颁发机构、一张服务器证书和一张模拟即时通信 IM 后台的客户端证书，用真实的生成器写出配置，在空闲的本地回环端口上启动真实的服务器，再按 IM 后台的方式发起调用。不会更改您系统上的任何内容；结束后全部删除。</translation>
    </message>
    <message>
        <source>N&amp;ginx</source>
        <translation>N&amp;ginx</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>A&amp;pache</source>
        <translation>A&amp;pache</translation>
    </message>
    <message>
        <source>Apache</source>
        <translation>Apache</translation>
    </message>
    <message>
        <source>&amp;Run the sandbox</source>
        <translation>运行沙盒(&amp;R)</translation>
    </message>
    <message>
        <source>Run the sandbox</source>
        <translation>运行沙盒</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Steps of the sandbox</source>
        <translation>沙盒的步骤</translation>
    </message>
    <message>
        <source>Findings of the sandbox</source>
        <translation>沙盒的检查结果</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Web server</source>
        <translation>Web 服务器</translation>
    </message>
    <message>
        <source>N&amp;ginx</source>
        <translation>N&amp;ginx</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>A&amp;pache</source>
        <translation>A&amp;pache</translation>
    </message>
    <message>
        <source>Apache</source>
        <translation>Apache</translation>
    </message>
    <message>
        <source>On &amp;this machine</source>
        <translation>在本机上(&amp;T)</translation>
    </message>
    <message>
        <source>Configure the server on this machine</source>
        <translation>配置本机上的服务器</translation>
    </message>
    <message>
        <source>On an&amp;other machine (export the files)</source>
        <translation>在另一台机器上（导出文件）(&amp;O)</translation>
    </message>
    <message>
        <source>Export the files for another machine</source>
        <translation>为另一台机器导出文件</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Configuration fol&amp;der:</source>
        <translation>配置文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>Configuration folder of the server</source>
        <translation>服务器的配置文件夹</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>Listen address and port</source>
        <translation>监听地址和端口</translation>
    </message>
    <message>
        <source>443, 0.0.0.0:443, [::]:443</source>
        <translation>443, 0.0.0.0:443, [::]:443</translation>
    </message>
    <message>
        <source>&amp;Webhook application:</source>
        <translation>回调处理程序(&amp;W)：</translation>
    </message>
    <message>
        <source>URL of the webhook application</source>
        <translation>回调处理程序地址</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8080</source>
        <translation>http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>TLS p&amp;rofile:</source>
        <translation>TLS 安全策略(&amp;R)：</translation>
    </message>
    <message>
        <source>TLS profile</source>
        <translation>TLS 安全策略</translation>
    </message>
    <message>
        <source>Use the Chat guide&apos;s legac&amp;y protocols TLS 1.0 and 1.1 (not recommended)</source>
        <translation>使用 IM 文档中的旧版协议 TLS 1.0 和 1.1（不推荐）(&amp;Y)</translation>
    </message>
    <message>
        <source>Use the legacy protocols of the Chat guide</source>
        <translation>使用 IM 文档中的旧版协议</translation>
    </message>
    <message>
        <source>Warnings about the TLS profile</source>
        <translation>有关 TLS 安全策略的警告</translation>
    </message>
    <message>
        <source>A website already answers this name</source>
        <translation>已有网站使用此域名</translation>
    </message>
    <message>
        <source>&amp;Merge into this site: client certificates on the webhook path only</source>
        <translation>合并到该网站：仅回调路径要求客户端证书(&amp;M)</translation>
    </message>
    <message>
        <source>Merge into the existing site</source>
        <translation>合并到现有网站</translation>
    </message>
    <message>
        <source>Replace the e&amp;xisting location for the webhook path</source>
        <translation>替换回调路径现有的 location(&amp;X)</translation>
    </message>
    <message>
        <source>Replace the existing location for the webhook path</source>
        <translation>替换回调路径现有的 location</translation>
    </message>
    <message>
        <source>Why the site cannot be merged into</source>
        <translation>无法合并到该网站的原因</translation>
    </message>
    <message>
        <source>Dedi&amp;cated: a name of its own for the webhook</source>
        <translation>独立域名：为回调使用单独的域名(&amp;C)</translation>
    </message>
    <message>
        <source>A dedicated name for the webhook</source>
        <translation>为回调使用独立域名</translation>
    </message>
    <message>
        <source>On another machine, o&amp;ver SSH</source>
        <translation>在另一台机器上，通过 SSH(&amp;V)</translation>
    </message>
    <message>
        <source>Configure the server on another machine over SSH</source>
        <translation>通过 SSH 配置另一台机器上的服务器</translation>
    </message>
</context>
<context>
    <name>TestPage</name>
    <message>
        <source>Test &amp;URL:</source>
        <translation>测试地址(&amp;U)：</translation>
    </message>
    <message>
        <source>URL to test</source>
        <translation>要测试的地址</translation>
    </message>
    <message>
        <source>&amp;Run the test</source>
        <translation>运行测试(&amp;R)</translation>
    </message>
    <message>
        <source>Run the test handshake</source>
        <translation>运行测试握手</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the test</source>
        <translation>停止测试</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <source>Steps of the test</source>
        <translation>测试步骤</translation>
    </message>
    <message>
        <source>Findings of the test</source>
        <translation>测试的检查结果</translation>
    </message>
    <message>
        <source>Connect to this machine instead of looking up the name</source>
        <translation>连接到本机，而不是解析域名</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>This assistant sets up HTTPS two-way (mutual) TLS for your Chat webhook: your server shows its certificate to Chat, and only callers with a client certificate from Chat are let through.</source>
        <translation>本助手为您的 IM 回调配置 HTTPS 双向认证：您的服务器向 IM 后台出示服务器证书，并且只放行持有 IM 客户端证书的调用方。</translation>
    </message>
    <message>
        <source>The path of a webhook</source>
        <translation>回调的路径</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>您想做什么？</translation>
    </message>
    <message>
        <source>Set up a ne&amp;w webhook server</source>
        <translation>配置新的回调服务器(&amp;W)</translation>
    </message>
    <message>
        <source>Set up a new webhook server</source>
        <translation>配置新的回调服务器</translation>
    </message>
    <message>
        <source>&amp;Renew the certificate of a saved setup</source>
        <translation>为已保存的部署续期证书(&amp;R)</translation>
    </message>
    <message>
        <source>Renew the certificate of a saved setup</source>
        <translation>为已保存的部署续期证书</translation>
    </message>
    <message>
        <source>&amp;Try it in a sandbox on this computer (nothing on your system is changed)</source>
        <translation>在本机沙盒中试用（不会更改您系统上的任何内容）(&amp;T)</translation>
    </message>
    <message>
        <source>Try it in a sandbox on this computer</source>
        <translation>在本机沙盒中试用</translation>
    </message>
    <message>
        <source>Saved setups:</source>
        <translation>部署记录：</translation>
    </message>
    <message>
        <source>Saved setups</source>
        <translation>部署记录</translation>
    </message>
    <message>
        <source>&amp;Move the damaged file aside</source>
        <translation>移走损坏的文件(&amp;M)</translation>
    </message>
    <message>
        <source>Move the damaged file of saved setups aside</source>
        <translation>移走已损坏的部署记录文件</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language of the assistant</source>
        <translation>本助手的界面语言</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks.</source>
        <translation>为腾讯云即时通信 IM 回调配置 HTTPS 双向认证。</translation>
    </message>
    <message>
        <source>Open the renewal of the saved setup ID (as the reminders name it).</source>
        <translation>打开已保存的部署 ID（即提醒中给出的 ID）的续期向导。</translation>
    </message>
</context>
<context>
    <name>mtls::ApacheConfigParser</name>
    <message>
        <source>%1 is larger than %2 MB: not an Apache configuration file this program reads.</source>
        <translation>%1 大于 %2 MB，不是本助手读取的 Apache 配置文件。</translation>
    </message>
    <message>
        <source>%1: a line longer than %2 KB.</source>
        <translation>%1：有一行超过 %2 KB。</translation>
    </message>
    <message>
        <source>%1: &lt;/%2&gt; closes no open section%3.</source>
        <translation>%1：&lt;/%2&gt; 没有可关闭的配置段%3。</translation>
    </message>
    <message>
        <source> (&lt;%1&gt; from line %2 is still open)</source>
        <translation>（第 %2 行的 &lt;%1&gt; 仍未关闭）</translation>
    </message>
    <message>
        <source>%1: a section line without its closing &quot;&gt;&quot;.</source>
        <translation>%1：配置段的开头行缺少结尾的“&gt;”。</translation>
    </message>
    <message>
        <source>%1: a section without a name.</source>
        <translation>%1：配置段没有名称。</translation>
    </message>
    <message>
        <source>%1: sections nested more than %2 deep.</source>
        <translation>%1：配置段嵌套超过 %2 层。</translation>
    </message>
    <message>
        <source>%1: &lt;%2&gt; is never closed.</source>
        <translation>%1：&lt;%2&gt; 没有关闭。</translation>
    </message>
    <message>
        <source>%1: includes nested more than %2 deep.</source>
        <translation>%1：Include 嵌套超过 %2 层。</translation>
    </message>
    <message>
        <source>%1: Include %2: %3</source>
        <translation>%1：Include %2：%3</translation>
    </message>
</context>
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
        <translation>现代（modern）TLS 安全策略需要 Apache 2.4.36 或更高版本（TLS 1.3）；此服务器的版本为 %1。请使用中级（intermediate）安全策略。</translation>
    </message>
    <message>
        <source>URL of the webhook application</source>
        <translation>回调处理程序地址</translation>
    </message>
    <message>
        <source>webhook path</source>
        <translation>回调路径</translation>
    </message>
    <message>
        <source>webhook log path</source>
        <translation>回调访问日志路径</translation>
    </message>
</context>
<context>
    <name>mtls::ApacheMergeSite</name>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Apache names %1:%2 as the virtual host of the name, but no &lt;VirtualHost&gt; starts there.</source>
        <translation>Apache 指出 %1:%2 是该域名的虚拟主机，但该处没有 &lt;VirtualHost&gt; 开始。</translation>
    </message>
    <message>
        <source>Apache&apos;s effective configuration does not answer %1 on %2 with the virtual host of %3 and the lines the merge added.</source>
        <translation>Apache 的生效配置没有在 %2 上用 %3 的虚拟主机和合并添加的行响应 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::ApacheSiteMerge</name>
    <message>
        <source>The site at %1 already asks callers for client certificates (SSLVerifyClient %2%3): adding Chat&apos;s CA would change who it lets in.</source>
        <translation>%1 处的站点已要求调用方提供客户端证书（SSLVerifyClient %2%3），再加入即时通信 IM 客户端 CA 证书会改变该站点允许访问的调用方。</translation>
    </message>
    <message>
        <source>, trusting %1</source>
        <translation>，信任 %1</translation>
    </message>
    <message>
        <source>Use a name that serves only the webhook (--mode dedicated with a sub-domain such as im-callback.example.com), or remove the client certificate settings from that site first.</source>
        <translation>请为回调使用专用的域名（--mode dedicated，例如子域名 im-callback.example.com），或先删除该站点的客户端证书设置。</translation>
    </message>
    <message>
        <source>%1 asks for client certificates inside &lt;%2&gt; (SSLVerifyClient %3): that needs a renegotiation, which TLS 1.3 and HTTP/2 clients refuse, and it would meet Chat&apos;s CA.</source>
        <translation>%1 在 &lt;%2&gt; 中要求客户端证书（SSLVerifyClient %3）：这需要重新协商，TLS 1.3 和 HTTP/2 客户端会拒绝重新协商，而且该设置会与即时通信 IM 客户端 CA 证书相互影响。</translation>
    </message>
    <message>
        <source>Remove that line, or use a dedicated name for the webhook (--mode dedicated).</source>
        <translation>请删除该行，或为回调使用专用的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>%1 already decides what %2 serves (%3 %4).</source>
        <translation>%1 已决定 %2 的响应内容（%3 %4）。</translation>
    </message>
    <message>
        <source>Choose another webhook path, or let the assistant replace it (--replace-location: the lines stay in the file as comments, and rollback puts them back).</source>
        <translation>请换一个回调路径，或让本助手替换该设置（--replace-location：这些行会以注释形式留在文件中，回滚时恢复）。</translation>
    </message>
    <message>
        <source>%1 already decides what %2 serves, in a file the site includes: it cannot be replaced from the site&apos;s own file.</source>
        <translation>%1 已决定 %2 的响应内容，且位于站点包含的文件中，无法在站点自己的文件中替换。</translation>
    </message>
    <message>
        <source>Remove it from %1, or choose another webhook path.</source>
        <translation>请从 %1 中删除该设置，或换一个回调路径。</translation>
    </message>
    <message>
        <source>client CA path</source>
        <translation>客户端 CA 证书路径</translation>
    </message>
    <message>
        <source>webhook path</source>
        <translation>回调路径</translation>
    </message>
    <message>
        <source>URL of the webhook application</source>
        <translation>回调处理程序地址</translation>
    </message>
    <message>
        <source>webhook log path</source>
        <translation>回调访问日志路径</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyJournal</name>
    <message>
        <source>The apply journal has an unknown format.</source>
        <translation>应用操作日志的格式无法识别。</translation>
    </message>
    <message>
        <source>The apply journal has an unknown state &quot;%1&quot;.</source>
        <translation>应用操作日志中有无法识别的状态“%1”。</translation>
    </message>
    <message>
        <source>Cannot read the apply journal %1: %2</source>
        <translation>无法读取应用操作日志 %1：%2</translation>
    </message>
    <message>
        <source>The apply journal %1 is damaged: %2</source>
        <translation>应用操作日志 %1 已损坏：%2</translation>
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
        <translation>%1 已存在且不是文件，不会被替换。</translation>
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
    <message>
        <source>Cannot move the backups of %1 into the apply history.</source>
        <translation>无法把 %1 的备份移入应用操作历史。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the apply history.</source>
        <translation>无法为应用操作历史创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The apply journal names %1, which is not part of this server&apos;s configuration, so it was not used and nothing was changed.</source>
        <translation>应用操作日志中记有 %1，该路径不属于此服务器的配置，因此未使用该日志，也未做任何更改。</translation>
    </message>
    <message>
        <source>Disk full: there is no space left to write %1.</source>
        <translation>磁盘已满：没有空间写入 %1。</translation>
    </message>
    <message>
        <source>The filesystem holding %1 is read-only.</source>
        <translation>%1 所在的文件系统是只读的。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the folder of %1: %2</source>
        <translation>无法打开 %1 所在的文件夹：%2</translation>
    </message>
    <message>
        <source>Cannot remove the folder %1.</source>
        <translation>无法删除文件夹 %1。</translation>
    </message>
    <message>
        <source>Refused: %1 exists and is not a folder.</source>
        <translation>已拒绝：%1 已存在，但不是文件夹。</translation>
    </message>
    <message>
        <source>Disk full: the filesystem holding %1 has %2 KiB free, and this needs about %3 KiB with a margin. Nothing was changed.</source>
        <translation>磁盘已满：%1 所在的文件系统只剩 %2 KiB 可用空间，而此操作（含余量）约需 %3 KiB。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Refused: %1 belongs to another user (uid %2). Every folder apply, rollback and remove write into, and every folder above it, must belong to you or to root.</source>
        <translation>已拒绝：%1 属于另一个用户（uid %2）。应用操作、回滚和移除写入的每个文件夹，以及上面的每一级文件夹，都必须属于您或 root。</translation>
    </message>
    <message>
        <source>Refused: other users can write into %1 (mode %2). Every folder apply, rollback and remove write into, and every folder above it, must be writable by its owner alone.</source>
        <translation>已拒绝：其他用户可以写入 %1（权限 %2）。应用操作、回滚和移除写入的每个文件夹，以及上面的每一级文件夹，都必须只有所有者本人可写。</translation>
    </message>
    <message>
        <source>Refused: %1 is a symbolic link. Apply, rollback and remove write only through real folders, never through a link another user could change.</source>
        <translation>已拒绝：%1 是符号链接。应用操作、回滚和移除只通过真实的文件夹写入，绝不经过其他用户可能更改的链接。</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyRequestJson</name>
    <message>
        <source>The apply request is not valid (%1).</source>
        <translation>应用操作请求无效（%1）。</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyService</name>
    <message>
        <source>Another apply or rollback is running for this server. Wait for it to finish.</source>
        <translation>此服务器上正在进行另一个应用或回滚操作，请等待该操作完成。</translation>
    </message>
    <message>
        <source>Some files could not be put back; the backups are kept in the apply state directory.</source>
        <translation>部分文件无法还原；备份保留在应用操作的状态目录中。</translation>
    </message>
    <message>
        <source>Apache cannot start with the new certificate files.</source>
        <translation>Apache 无法使用新的证书文件启动。</translation>
    </message>
    <message>
        <source>The certificate, its key and the Chat client CA are all needed to apply.</source>
        <translation>应用配置需要证书、证书的私钥以及即时通信 IM 客户端 CA 证书，缺一不可。</translation>
    </message>
    <message>
        <source>An earlier apply for %1 was interrupted after the server reloaded; it is now marked as finished.</source>
        <translation>之前对 %1 的应用操作在服务器重新加载后被中断，现已标记为完成。</translation>
    </message>
    <message>
        <source>An earlier apply for %1 was interrupted; its changes were rolled back.</source>
        <translation>之前对 %1 的应用操作被中断，所做的更改已回滚。</translation>
    </message>
    <message>
        <source>The server could not be reloaded (%1).</source>
        <translation>无法重新加载服务器（%1）。</translation>
    </message>
    <message>
        <source>Every file was put back as it was.</source>
        <translation>所有文件均已还原为原样。</translation>
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
        <source>There is nothing to roll back: no configuration was applied to this server.</source>
        <translation>没有可回滚的内容：此服务器上没有应用过配置。</translation>
    </message>
    <message>
        <source>The files were put back, but %1 refuses the restored configuration.</source>
        <translation>文件已还原，但 %1 拒绝了还原后的配置。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Put back: %1</source>
        <translation>已还原：%1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>Directory removed: %1</source>
        <translation>已删除目录：%1</translation>
    </message>
    <message>
        <source>You do not have the rights to write into %1, so nothing was changed. Applying there needs administrator rights.</source>
        <translation>您没有写入 %1 的权限，因此没有做任何更改。在该位置应用配置需要管理员权限。</translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>Rolling back: putting every file back as it was.</source>
        <translation>正在回滚：把每个文件还原为原样。</translation>
    </message>
    <message>
        <source>Rolled back: every file is as it was before.</source>
        <translation>已回滚：每个文件都已恢复原样。</translation>
    </message>
    <message>
        <source>Directory created: %1</source>
        <translation>已创建目录：%1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>Enabled: %1 (a link to %2)</source>
        <translation>已启用：%1（指向 %2 的链接）</translation>
    </message>
    <message>
        <source>Tested: %1 accepts the whole configuration.</source>
        <translation>已测试：%1 接受完整的配置。</translation>
    </message>
    <message>
        <source>%1 did not reload the previous configuration: %2</source>
        <translation>%1 未能重新加载之前的配置：%2</translation>
    </message>
    <message>
        <source>Reloaded: %1 read the previous configuration again.</source>
        <translation>已重新加载：%1 重新读取了之前的配置。</translation>
    </message>
    <message>
        <source>The previous configuration does not run as before either: %1</source>
        <translation>之前的配置也无法像原来一样运行：%1</translation>
    </message>
    <message>
        <source>Verified: %1 serves the previous configuration again, as before the change.</source>
        <translation>已验证：%1 重新按之前的配置提供服务，与更改前一致。</translation>
    </message>
    <message>
        <source>The server reloaded, but does not serve as before: %1</source>
        <translation>服务器已重新加载，但提供的服务与之前不一致：%1</translation>
    </message>
    <message>
        <source>The server serves the previous configuration again (verified).</source>
        <translation>服务器已重新按之前的配置提供服务（已验证）。</translation>
    </message>
    <message>
        <source>The chat-guide profile allows only TLS 1.0 and 1.1, which a server built with OpenSSL 3 cannot complete a handshake with, so nothing was changed. Use the intermediate profile, or add --force-legacy-tls to apply it anyway.</source>
        <translation>chat-guide（文档示例）安全策略只允许 TLS 1.0 和 1.1，基于 OpenSSL 3 构建的服务器无法用这两个版本完成握手，因此没有做任何更改。请使用 intermediate（中级）安全策略；如果仍要应用，请加上 --force-legacy-tls。</translation>
    </message>
    <message>
        <source>%1 could not show its effective configuration, so nothing was changed.</source>
        <translation>%1 无法列出生效的配置，因此没有做任何更改。</translation>
    </message>
    <message>
        <source>Another site already answers %1 on the same port, so nothing was changed: the server would keep only one of the two, and either the webhook or that site would stop working. Use a name of its own for the webhook (for example a subdomain), or remove or move the other site first.</source>
        <translation>同一端口上已有另一个站点响应 %1，因此没有做任何更改：服务器只会保留两者之一，回调或该站点总有一个会失效。请为回调使用单独的域名（例如一个子域名），或先删除或迁走另一个站点。</translation>
    </message>
    <message>
        <source>Some files could not be put back; see the details.</source>
        <translation>部分文件无法还原，详情见下文。</translation>
    </message>
    <message>
        <source>%1 serves the previous configuration again (verified).</source>
        <translation>%1 已重新按之前的配置提供服务（已验证）。</translation>
    </message>
    <message>
        <source>Reloaded: %1 read the new configuration.</source>
        <translation>已重新加载：%1 读取了新配置。</translation>
    </message>
    <message>
        <source>Not verified: the chat-guide profile allows only TLS 1.0 and 1.1, which the check does not offer.</source>
        <translation>未验证：chat-guide（文档示例）安全策略只允许 TLS 1.0 和 1.1，而验证时不提供这两个版本。</translation>
    </message>
    <message>
        <source>The new configuration does not work as it should: %1</source>
        <translation>新配置未按预期工作：%1</translation>
    </message>
    <message>
        <source>The files were put back, but: %1</source>
        <translation>文件已还原，但是：%1</translation>
    </message>
    <message>
        <source>Cannot open the server&apos;s configuration directory %1 to lock it.</source>
        <translation>无法打开服务器配置目录 %1 以将其锁定。</translation>
    </message>
    <message>
        <source>Cannot lock the server&apos;s configuration directory %1.</source>
        <translation>无法锁定服务器配置目录 %1。</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1.</source>
        <translation>无法创建锁文件 %1。</translation>
    </message>
    <message>
        <source>Cannot read the backup %1: %2</source>
        <translation>无法读取备份 %1：%2</translation>
    </message>
    <message>
        <source>There is nothing to remove: no configuration for %1 was applied to this server.</source>
        <translation>没有可移除的内容：此服务器上没有为 %1 应用过配置。</translation>
    </message>
    <message>
        <source>An interrupted rollback for %1 was finished.</source>
        <translation>已完成 %1 之前被中断的回滚。</translation>
    </message>
    <message>
        <source>The filesystem holding %1 is read-only, so nothing was changed. Administrator rights would not help: make it writable (remount it read-write) first.</source>
        <translation>%1 所在的文件系统是只读的，因此未做任何更改。管理员权限也无济于事：请先让该文件系统可写（以读写方式重新挂载）。</translation>
    </message>
    <message>
        <source>The server does not serve as it did before the apply: %1</source>
        <translation>服务器提供的服务与应用操作之前不一致：%1</translation>
    </message>
    <message>
        <source>Verified: %1 answers where it did before the apply, without the certificate the apply installed.</source>
        <translation>已验证：%1 在应用操作之前响应的地址上仍然响应，且不再出示该次应用操作安装的证书。</translation>
    </message>
    <message>
        <source>The Chat client CA is needed to apply.</source>
        <translation>应用配置需要即时通信 IM 的客户端 CA 证书。</translation>
    </message>
    <message>
        <source>A site already answers %1 on the same port (%2), so nothing was changed. Choose --mode merge (client certificates on the webhook path of that site) or --mode dedicated (a site of its own, with a name of its own).</source>
        <translation>同一端口上已有站点响应 %1（%2），因此没有做任何更改。请选择 --mode merge（在该站点的回调路径上要求客户端证书）或 --mode dedicated（单独的站点，使用单独的域名）。</translation>
    </message>
</context>
<context>
    <name>mtls::ApplyVerification</name>
    <message>
        <source>Callers that send no server name (no SNI) on %1 now get the webhook&apos;s site instead of the one they got before: the server takes the first site of the port as its default.</source>
        <translation>在 %1 上不发送服务器名称（无 SNI）的调用方，现在访问到的是回调站点，而不是之前的站点：服务器会把该端口上的第一个站点作为默认站点。</translation>
    </message>
    <message>
        <source>Mark the site that should answer such callers as the port&apos;s default (nginx: default_server on its listen line; Apache: put its virtual host first).</source>
        <translation>请把应当响应这类调用方的站点设为该端口的默认站点（nginx：在该站点的 listen 行加上 default_server；Apache：把该虚拟主机放在最前面）。</translation>
    </message>
    <message>
        <source>The server&apos;s port %1</source>
        <translation>服务器端口 %1</translation>
    </message>
    <message>
        <source>the default site on %1</source>
        <translation>%1 上的默认站点</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>%1 accepted connections before the change and does not now.</source>
        <translation>%1 在更改前可以连接，现在无法连接。</translation>
    </message>
    <message>
        <source>%1 accepts connections, though it did not before the change.</source>
        <translation>%1 现在可以连接，而更改前不能。</translation>
    </message>
    <message>
        <source>%1 does not present the certificate it presented before the change.</source>
        <translation>%1 出示的证书与更改前不同。</translation>
    </message>
    <message>
        <source>Could not check %1.</source>
        <translation>无法检查 %1。</translation>
    </message>
    <message>
        <source>Nothing answers TLS on %1: the server is not running, or not on that address.</source>
        <translation>%1 上没有任何 TLS 响应：服务器没有运行，或者没有监听该地址。</translation>
    </message>
    <message>
        <source>%1 does not ask callers for a client certificate.</source>
        <translation>%1 没有要求调用方出示客户端证书。</translation>
    </message>
    <message>
        <source>%1 asks for a client certificate but does not name the Chat client CA (%2).</source>
        <translation>%1 要求出示客户端证书，但列出的 CA 中没有即时通信 IM 的客户端 CA 证书（%2）。</translation>
    </message>
    <message>
        <source>%1 lets a caller without a client certificate through (HTTP %2).</source>
        <translation>%1 放行了没有客户端证书的调用方（HTTP %2）。</translation>
    </message>
    <message>
        <source>Could not tell whether %1 refuses a caller without a client certificate.</source>
        <translation>无法判断 %1 是否会拒绝没有客户端证书的调用方。</translation>
    </message>
    <message>
        <source>%1 could not show its effective configuration.</source>
        <translation>%1 无法列出生效的配置。</translation>
    </message>
    <message>
        <source>%1 does not read %2: its effective configuration has no site for %3 from that file.</source>
        <translation>%1 没有读取 %2：在 %1 生效的配置中，没有来自该文件的 %3 站点。</translation>
    </message>
    <message>
        <source>Verified: %1 presents the new certificate, asks callers for a certificate from the Chat client CA, and refuses a caller without one.</source>
        <translation>已验证：%1 出示新证书，要求调用方出示由即时通信 IM 客户端 CA 签发的证书，并拒绝没有证书的调用方。</translation>
    </message>
    <message>
        <source>Verified: %1 reads %2, and no other site answers %3 on the same port.</source>
        <translation>已验证：%1 读取了 %2，且同一端口上没有其他站点响应 %3。</translation>
    </message>
    <message>
        <source>%1 accepted connections before the apply and does not now.</source>
        <translation>%1 在应用操作之前可以连接，现在无法连接。</translation>
    </message>
    <message>
        <source>%1 still presents the certificate the apply installed.</source>
        <translation>%1 仍在出示该次应用操作安装的证书。</translation>
    </message>
    <message numerus="yes">
        <source>Verified: the same certificate as before for %n other name(s) on the same port.</source>
        <translation>
            <numerusform>已验证：同一端口上的其他 %n 个域名出示的证书与之前相同。</numerusform>
        </translation>
    </message>
    <message>
        <source>On %1, %2 does not answer 403 to a caller without a client certificate (HTTP %3).</source>
        <translation>在 %1 上，%2 对没有客户端证书的调用方没有返回 403（HTTP %3）。</translation>
    </message>
    <message>
        <source>On %1, &quot;/&quot; answers HTTP %2 to a caller without a client certificate; it answered %3 before the change.</source>
        <translation>在 %1 上，“/”对没有客户端证书的调用方返回 HTTP %2；更改前返回的是 %3。</translation>
    </message>
    <message>
        <source>nginx&apos;s effective configuration does not answer %1 on %2 with the site of %3 and the lines the merge added.</source>
        <translation>nginx 的实际生效配置在 %2 上响应 %1 的不是 %3 中的站点，或其中没有合并添加的行。</translation>
    </message>
    <message>
        <source>Verified: %1 presents the site&apos;s own certificate, asks callers for a certificate from the Chat client CA, answers 403 on %2 without one, and answers &quot;/&quot; as before.</source>
        <translation>已验证：%1 出示该站点自己的证书，要求调用方出示即时通信 IM 客户端 CA 签发的证书，没有证书时在 %2 上返回 403，且“/”的响应与之前相同。</translation>
    </message>
    <message>
        <source>Verified: %1 answers %2 with the site of %3, which holds the lines the merge added.</source>
        <translation>已验证：%1 用 %3 中的站点响应 %2，其中包含合并添加的行。</translation>
    </message>
    <message>
        <source>%1 presents another certificate (%2, SHA-256 %3), not %4.</source>
        <translation>%1 出示了另一张证书（%2，SHA-256 %3），而不是%4。</translation>
    </message>
    <message>
        <source>the site&apos;s own</source>
        <translation>该站点自己的证书</translation>
    </message>
    <message>
        <source>the one just installed</source>
        <translation>刚安装的证书</translation>
    </message>
    <message>
        <source>%1 still asks callers for a client certificate, as the apply made it do.</source>
        <translation>%1 仍在要求调用方提供客户端证书，与应用操作之后相同。</translation>
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
        <translation>系统信任库中的根证书</translation>
    </message>
    <message>
        <source>the given roots</source>
        <translation>指定的根证书</translation>
    </message>
    <message>
        <source>The certificate does not reach a root of %1 (%2). That is expected for a certificate issued by Chat, whose servers trust their own issuer.</source>
        <translation>该证书无法追溯到%1（%2）。对于由即时通信 IM 签发的证书，这属于正常现象：IM 后台信任自己的签发机构。</translation>
    </message>
    <message>
        <source>Nothing to do, as long as the certificate was downloaded from the Chat console for this domain.</source>
        <translation>只要该证书是从即时通信 IM 控制台为此域名下载的，就无需处理。</translation>
    </message>
    <message>
        <source>The certificate that issued &quot;%1&quot; (%2) is missing: the chain stops before a trusted root.</source>
        <translation>缺少签发“%1”的证书（%2）：证书链在到达受信任的根证书之前中断。</translation>
    </message>
    <message>
        <source>Add the intermediate certificate(s) from your certificate authority: use the &quot;bundle&quot; or &quot;chain&quot; file of the download package, or the .zip package itself.</source>
        <translation>请添加证书颁发机构提供的中间证书：使用下载的证书包中名称含“bundle”或“chain”的文件，或直接使用整个 .zip 证书包。</translation>
    </message>
    <message>
        <source>The certificate chain does not end at a root of %1: %2.</source>
        <translation>证书链的终点不是%1：%2。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers trust only certificates from public certificate authorities (or issued by Chat itself). Use a certificate from a public CA, or choose &quot;Chat issued a certificate for my domain&quot;.</source>
        <translation>即时通信 IM 后台只信任公共证书颁发机构签发的证书（或 IM 自己签发的证书）。请使用公共 CA 签发的证书，或选择“即时通信 IM 为我的域名签发了证书”。</translation>
    </message>
    <message>
        <source>The certificate&apos;s key (%1) is too weak: current TLS libraries refuse it.</source>
        <translation>证书的密钥（%1）强度太弱：当前的 TLS 库会拒绝这样的密钥。</translation>
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
        <translation>请使用为 %1 签发的证书，或检查您输入的域名：该域名必须是即时通信 IM 控制台中回调 URL 的主机名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may not be used by a server: its extended key usage excludes TLS server authentication.</source>
        <translation>“%1”不能用于服务器：该证书的扩展密钥用法不包含 TLS 服务器身份验证。</translation>
    </message>
    <message>
        <source>This looks like a client or code-signing certificate. Use the server (SSL/TLS) certificate issued for your domain.</source>
        <translation>这看起来是客户端证书或代码签名证书。请使用为您的域名签发的服务器（SSL/TLS）证书。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a CA certificate, so it cannot verify Chat&apos;s client certificates.</source>
        <translation>“%1”不是 CA 证书，因此无法验证即时通信 IM 后台的客户端证书。</translation>
    </message>
    <message>
        <source>Choose TencentQQAuthCA.crt (from TencentQQAuthCA.crt.zip, linked in the Chat guide), not your own server certificate.</source>
        <translation>请选择 TencentQQAuthCA.crt（即时通信 IM 文档中链接的 TencentQQAuthCA.crt.zip 里的文件），而不是您自己的服务器证书。</translation>
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
    <message>
        <source>The webhook log path &quot;%1&quot; must be absolute.</source>
        <translation>回调访问日志路径“%1”必须是绝对路径。</translation>
    </message>
</context>
<context>
    <name>mtls::ConfigIncludes</name>
    <message>
        <source>site directory</source>
        <translation>站点目录</translation>
    </message>
    <message>
        <source>The http { } block is not in %1, so the include line cannot be added there.</source>
        <translation>%1 中没有 http { } 块，因此无法在其中添加 include 行。</translation>
    </message>
</context>
<context>
    <name>mtls::ConfigPreflight</name>
    <message>
        <source>the file does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>it is larger than 1 MB</source>
        <translation>大于 1 MB</translation>
    </message>
    <message>
        <source>it cannot be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>it holds no private key OpenSSL can read</source>
        <translation>中没有 OpenSSL 能读取的私钥</translation>
    </message>
    <message>
        <source>it holds no certificate OpenSSL can read</source>
        <translation>中没有 OpenSSL 能读取的证书</translation>
    </message>
    <message>
        <source>The current %1 configuration does not pass its own test, so nothing was changed. Fix what the server reports below, then apply again.</source>
        <translation>当前的 %1 配置未通过服务器自身的测试，因此没有做任何更改。请先修复下方服务器报告的问题，然后重新应用。</translation>
    </message>
    <message>
        <source>Apache would not start again: %1 names %2 (line %3 of %4), and %5. A reload now would stop every site on this server, so nothing was changed. Fix or remove that site&apos;s files first.</source>
        <translation>Apache 将无法再次启动：%4 第 %3 行的 %1 指向 %2，但该文件%5。此时重新加载会使该服务器上的所有站点停止服务，因此没有做任何更改。请先修复或删除该站点的文件。</translation>
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
    <name>mtls::DesktopNotifier</name>
    <message>
        <source>No desktop notification can be shown: there is no session bus (no desktop session is running for this user).</source>
        <translation>无法显示桌面通知：没有会话总线（此用户没有正在运行的桌面会话）。</translation>
    </message>
    <message>
        <source>No desktop notification can be shown: the notification service did not answer.</source>
        <translation>无法显示桌面通知：通知服务没有应答。</translation>
    </message>
    <message>
        <source>Desktop notifications are not available on this system yet: run mtls-assistant-cli status to see the certificates&apos; expiry.</source>
        <translation>此系统暂不支持桌面通知：请运行 mtls-assistant-cli status 查看证书的到期时间。</translation>
    </message>
</context>
<context>
    <name>mtls::DomainName</name>
    <message>
        <source>Use the domain exactly as it is set as the webhook URL in the Chat console, for example www.example.com: letters a-z, digits and single hyphens between them.</source>
        <translation>请使用与即时通信 IM 控制台中回调 URL 完全一致的域名，例如 www.example.com：只能使用英文字母（a-z）、数字和连接符（-），连接符只能单个出现在字符之间。</translation>
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
        <translation>“%1”包含“%2”：只能使用英文字母（a-z）、数字（0-9）和连接符（-）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; begins or ends with a hyphen.</source>
        <translation>“%2”中的“%1”以连接符开头或结尾。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; has two hyphens in a row.</source>
        <translation>“%2”中的“%1”含有连续的连接符。</translation>
    </message>
    <message>
        <source>&quot;%1...&quot; in &quot;%2&quot; is %3 characters long; each part of a domain has at most 63.</source>
        <translation>“%2”中的“%1…”长 %3 个字符；域名的每一段最长为 63 个字符。</translation>
    </message>
</context>
<context>
    <name>mtls::Elevation</name>
    <message>
        <source>The command-line program %1 is missing; reinstall mTLS Assistant.</source>
        <translation>缺少命令行程序 %1，请重新安装 mTLS 双向认证助手。</translation>
    </message>
    <message>
        <source>Cannot create a private temporary directory for the request.</source>
        <translation>无法为请求创建私有临时目录。</translation>
    </message>
    <message>
        <source>Cannot write the request for the administrator run.</source>
        <translation>无法写入供管理员运行使用的请求。</translation>
    </message>
    <message>
        <source>Cannot start %1.</source>
        <translation>无法启动 %1。</translation>
    </message>
    <message>
        <source>Nobody answered the administrator prompt; nothing was changed.</source>
        <translation>管理员授权提示无人响应，没有做任何更改。</translation>
    </message>
    <message>
        <source>The administrator prompt was closed; nothing was changed.</source>
        <translation>管理员授权提示已被关闭，没有做任何更改。</translation>
    </message>
    <message>
        <source>%1 did not give this user administrator rights; nothing was changed. Ask an administrator to run it, or run the command with sudo.</source>
        <translation>%1 没有授予此用户管理员权限，没有做任何更改。请让管理员来运行，或使用 sudo 运行该命令。</translation>
    </message>
    <message>
        <source>The administrator run ended without a result (exit code %1).</source>
        <translation>以管理员身份运行结束，但没有返回结果（退出码 %1）。</translation>
    </message>
    <message>
        <source>User Account Control</source>
        <translation>用户帐户控制</translation>
    </message>
    <message>
        <source>The administrator authorization</source>
        <translation>管理员授权</translation>
    </message>
    <message>
        <source>Refusing to run %1 as the administrator: it can be changed by users other than root. Make it (and its directory) owned by root and writable by root alone.</source>
        <translation>拒绝以管理员身份运行 %1：root 以外的用户可以修改该程序。请让该程序（及所在目录）归 root 所有，并且只有 root 可写。</translation>
    </message>
    <message>
        <source>This system has no way to ask for administrator rights: pkexec is not installed; nothing was changed. Install it (the pkexec package on Debian and Ubuntu, polkit elsewhere), or run the command as an administrator (for example with sudo).</source>
        <translation>本系统无法请求管理员权限：未安装 pkexec；未做任何更改。请安装 pkexec（Debian 和 Ubuntu 上为 pkexec 软件包，其他系统上为 polkit），或以管理员身份运行该命令（例如使用 sudo）。</translation>
    </message>
    <message>
        <source>%1 could not show a password prompt in this session (no polkit authentication agent is running, as over SSH); nothing was changed. Run the command with sudo, or from a desktop session.</source>
        <translation>%1 无法在此会话中显示密码提示（没有正在运行的 polkit 认证代理，例如通过 SSH 登录时）；未做任何更改。请使用 sudo 运行该命令，或在桌面会话中运行。</translation>
    </message>
    <message>
        <source>%1 cannot reach polkit, the service that grants administrator rights; nothing was changed. Start polkit (the polkitd package), or run the command with sudo.</source>
        <translation>%1 无法连接授予管理员权限的 polkit 服务；未做任何更改。请启动 polkit（polkitd 软件包），或使用 sudo 运行该命令。</translation>
    </message>
    <message>
        <source>%1 allowed the administrator run but could not start %2; nothing was changed.</source>
        <translation>%1 已允许以管理员身份运行，但无法启动 %2；未做任何更改。</translation>
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
    <message>
        <source>The server program &quot;%1&quot; must be an absolute path.</source>
        <translation>服务器程序“%1”必须是绝对路径。</translation>
    </message>
    <message>
        <source>install.sh is missing from this program (a build error).</source>
        <translation>本程序中缺少 install.sh（构建错误）。</translation>
    </message>
    <message>
        <source>The site folder %1 and the server directory %2 have no folder in common but /.</source>
        <translation>站点目录 %1 与服务器目录 %2 除 / 之外没有共同的上级目录。</translation>
    </message>
    <message>
        <source>install.sh cannot edit %1: its path has characters other than letters, digits and - . _ / + @ : , =.</source>
        <translation>install.sh 无法编辑 %1：其路径含有字母、数字和 - . _ / + @ : , = 以外的字符。</translation>
    </message>
</context>
<context>
    <name>mtls::InstallScript</name>
    <message>
        <source>install.sh cannot use &quot;%1&quot;: only letters, digits and - . _ / + @ : , = are allowed.</source>
        <translation>install.sh 不能使用“%1”：只允许字母、数字和 - . _ / + @ : , =。</translation>
    </message>
</context>
<context>
    <name>mtls::KeychainSecretStore</name>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Nothing is stored in the system keychain under this name.</source>
        <translation>系统钥匙串中没有以此名称保存的内容。</translation>
    </message>
    <message>
        <source>The system keychain refused access. Nothing was stored; you will be asked again next time.</source>
        <translation>系统钥匙串拒绝了访问。未保存任何内容；下次还会再询问您。</translation>
    </message>
    <message>
        <source>No system keychain is available in this session (on Linux: no Secret Service such as GNOME Keyring or KWallet is running). Nothing was stored; you will be asked again next time.</source>
        <translation>当前会话中没有可用的系统钥匙串（在 Linux 上：没有运行 GNOME Keyring 或 KWallet 等 Secret Service）。未保存任何内容；下次还会再询问您。</translation>
    </message>
    <message>
        <source>The system keychain reported an error. Nothing was stored; you will be asked again next time.</source>
        <translation>系统钥匙串报告了错误。未保存任何内容；下次还会再询问您。</translation>
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
        <translation>请确认当前用户可以读取该文件（对于属于 root 的私钥，请以该文件所有者的权限运行，或将文件复制到您可以读取的位置）。</translation>
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
        <translation>无法打开 PKCS#12 文件“%1”：该文件使用了本系统不支持的算法，或者已损坏。</translation>
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
    <message>
        <source>&quot;%1&quot; is a %2, not a regular file: it was not read.</source>
        <translation>“%1”是%2，不是普通文件：没有读取。</translation>
    </message>
    <message>
        <source>Choose the certificate, key or .zip file itself; if a program writes it, save its output to a file first.</source>
        <translation>请直接选择证书、私钥或 .zip 文件；如果该文件由某个程序写出，请先将程序的输出保存为文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds more than %2 certificates, keys, archive entries and other blocks: reading stopped there.</source>
        <translation>“%1”包含的证书、私钥、压缩包条目和其他数据块超过 %2 个：已在此处停止读取。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; asks for more than %2 encryption rounds in all (every encrypted key, bag and integrity check counted): reading stopped there (such a file could keep the program busy for hours).</source>
        <translation>“%1”要求的加密迭代次数总计超过 %2 次（所有加密的私钥、数据包和完整性校验合计）：已在此处停止读取（这样的文件可能让程序忙上数小时）。</translation>
    </message>
    <message>
        <source>Export the certificate and key again with the usual settings of your tool, or give them as separate files.</source>
        <translation>请用工具的常规设置重新导出证书和私钥，或分别以单独的文件提供。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; unpacks to more than %2 MB in all, archives inside archives included: refused.</source>
        <translation>“%1”解压后总计超过 %2 MB（包括其中嵌套的压缩包）：已拒绝。</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; is damaged.</source>
        <translation>PKCS#12 文件“%1”已损坏。</translation>
    </message>
</context>
<context>
    <name>mtls::MemorySecretStore</name>
    <message>
        <source>a keychain in memory</source>
        <translation>内存中的钥匙串</translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation>没有可用的系统钥匙串。</translation>
    </message>
    <message>
        <source>Nothing is stored under this name.</source>
        <translation>没有以此名称保存的内容。</translation>
    </message>
</context>
<context>
    <name>mtls::MergeSite</name>
    <message>
        <source>Use a name of its own for the webhook (--mode dedicated), for example a subdomain such as im-callback.example.com.</source>
        <translation>请为回调使用单独的域名（--mode dedicated），例如 im-callback.example.com 这样的子域名。</translation>
    </message>
    <message>
        <source>The site&apos;s certificate %1 (named by %2) cannot be read, so it cannot be checked that it serves %3.</source>
        <translation>无法读取该站点的证书 %1（由 %2 指定），因此无法检查该证书是否适用于 %3。</translation>
    </message>
    <message>
        <source>Make the file readable (or name it without variables), or use a name of its own for the webhook (--mode dedicated).</source>
        <translation>请让该文件可读（或在指定时不使用变量），或为回调使用单独的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>The site&apos;s certificate %1 (%2) is not valid for %3, so Chat could not call the webhook there.</source>
        <translation>该站点的证书 %1（%2）对 %3 无效，即时通信 IM 后台无法在该站点调用回调。</translation>
    </message>
    <message>
        <source>Give the site a certificate for %1 first, or use a name of its own for the webhook (--mode dedicated).</source>
        <translation>请先为该站点配置 %1 的证书，或为回调使用单独的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>The site&apos;s certificate %1 (%2) does not lead to a public root (%3). A certificate issued by Chat, or by any private CA, cannot serve a public website, so the webhook cannot share this site.</source>
        <translation>该站点的证书 %1（%2）无法追溯到公共根证书（%3）。由即时通信 IM 签发的证书，或任何私有 CA 签发的证书，都不能用于公开网站，因此回调不能与该站点共用。</translation>
    </message>
    <message>
        <source>The nginx configuration %1 cannot be read.</source>
        <translation>无法读取 nginx 配置 %1。</translation>
    </message>
    <message>
        <source>Leave out --mode merge (or use --mode dedicated): the webhook then gets a site of its own.</source>
        <translation>请去掉 --mode merge（或使用 --mode dedicated）：回调将获得单独的站点。</translation>
    </message>
    <message>
        <source>The site that answers %1 is in %2, outside the server&apos;s configuration folders, so it is not edited.</source>
        <translation>响应 %1 的站点位于 %2，不在服务器的配置目录中，因此不会被修改。</translation>
    </message>
    <message>
        <source>Point --server-root at the folder that holds it, or use a name of its own for the webhook (--mode dedicated).</source>
        <translation>请用 --server-root 指向包含该文件的目录，或为回调使用单独的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>A site already answers %1 (%2). Choose how the webhook is set up: --mode merge asks for a client certificate on the webhook path only, inside that site (its visitors are not asked); --mode dedicated gives the webhook a site of its own, which needs a name of its own.</source>
        <translation>已有站点响应 %1（%2）。请选择回调的设置方式：--mode merge 只在回调路径上、在该站点内要求客户端证书（该站点的访客不会被要求出示证书）；--mode dedicated 为回调设置单独的站点，需要单独的域名。</translation>
    </message>
    <message>
        <source>Run the same command again with --mode merge, or with --mode dedicated and a name that serves only the webhook (for example im-callback.example.com).</source>
        <translation>请加上 --mode merge 重新运行同一命令，或加上 --mode dedicated 并使用只用于回调的域名（例如 im-callback.example.com）。</translation>
    </message>
    <message>
        <source>The site that answers %1 (%2) names no certificate of its own, so it serves no HTTPS for the name and the webhook cannot be added to it.</source>
        <translation>响应 %1 的站点（%2）没有自己的证书，因此不为该域名提供 HTTPS，无法把回调添加到该站点。</translation>
    </message>
    <message>
        <source>No site of %1 answers %2 on port %3, so there is nothing to merge the webhook into and nothing was changed.</source>
        <translation>%1 中没有站点在端口 %3 上响应 %2，因此无处合并回调，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>mtls::NginxConfigParser</name>
    <message>
        <source>line %1: a quoted value is not closed.</source>
        <translation>第 %1 行：引号中的值没有结束。</translation>
    </message>
    <message>
        <source>line %1: unexpected &quot;%2&quot; after a quoted value.</source>
        <translation>第 %1 行：引号中的值后面出现了意外的“%2”。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>blocks are nested more than %1 deep.</source>
        <translation>块的嵌套超过了 %1 层。</translation>
    </message>
    <message>
        <source>unexpected end of file, expecting &quot;;&quot; or &quot;}&quot;.</source>
        <translation>文件意外结束，缺少“;”或“}”。</translation>
    </message>
    <message>
        <source>unexpected end of file, expecting &quot;}&quot;.</source>
        <translation>文件意外结束，缺少“}”。</translation>
    </message>
    <message>
        <source>too many arguments.</source>
        <translation>参数过多。</translation>
    </message>
    <message>
        <source>unexpected &quot;;&quot;.</source>
        <translation>意外的“;”。</translation>
    </message>
    <message>
        <source>unexpected &quot;{&quot;.</source>
        <translation>意外的“{”。</translation>
    </message>
    <message>
        <source>unexpected &quot;}&quot;.</source>
        <translation>意外的“}”。</translation>
    </message>
    <message>
        <source>%1: includes are nested more than %2 deep.</source>
        <translation>%1：include 的嵌套超过了 %2 层。</translation>
    </message>
    <message>
        <source>%1: more than %2 files are included.</source>
        <translation>%1：包含的文件超过了 %2 个。</translation>
    </message>
    <message>
        <source>%1: cannot be read.</source>
        <translation>%1：无法读取。</translation>
    </message>
    <message>
        <source>the file is too large.</source>
        <translation>文件过大。</translation>
    </message>
    <message>
        <source>more than %1 directives.</source>
        <translation>指令超过了 %1 条。</translation>
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
    <message>
        <source>webhook log path</source>
        <translation>回调访问日志路径</translation>
    </message>
</context>
<context>
    <name>mtls::NginxMerge</name>
    <message>
        <source>The webhook path is &quot;/&quot;: in the existing site that would ask every visitor of the website for a client certificate.</source>
        <translation>回调路径是“/”：在已有站点中，这会要求网站的每个访客都出示客户端证书。</translation>
    </message>
    <message>
        <source>Give the webhook a path of its own (--path /im/callback), or use a name of its own for it (--mode dedicated).</source>
        <translation>请为回调使用单独的路径（--path /im/callback），或为回调使用单独的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>client CA path</source>
        <translation>客户端 CA 证书路径</translation>
    </message>
    <message>
        <source>%1 cannot be read as an nginx configuration: %2</source>
        <translation>%1 无法作为 nginx 配置读取：%2</translation>
    </message>
    <message>
        <source>%1 no longer holds the site&apos;s server { } block.</source>
        <translation>%1 中已不再有该站点的 server { } 块。</translation>
    </message>
    <message>
        <source>the http { } block</source>
        <translation>http { } 块</translation>
    </message>
    <message>
        <source>The site already sets client certificates itself (&quot;%1 %2&quot;, %3), so the webhook&apos;s settings cannot be added without changing what it asks of its visitors.</source>
        <translation>该站点已经自行设置了客户端证书（“%1 %2”，%3），不改变它对访客的要求就无法加入回调的设置。</translation>
    </message>
    <message>
        <source>Remove that line if the site does not need it, or use a name of its own for the webhook (--mode dedicated).</source>
        <translation>如果该站点不需要这一行，请删除它；或为回调使用单独的域名（--mode dedicated）。</translation>
    </message>
    <message>
        <source>The site already has a location for %1 (%2:%3, &quot;location %4&quot;), so nothing was changed.</source>
        <translation>该站点已有针对 %1 的 location（%2:%3，“location %4”），因此没有做任何更改。</translation>
    </message>
    <message>
        <source>Give the webhook another path, or add --replace-location to replace that location with the webhook&apos;s (rollback puts it back).</source>
        <translation>请为回调使用其他路径，或加上 --replace-location 用回调的 location 替换它（回滚会恢复原样）。</translation>
    </message>
    <message>
        <source>%1 cannot be edited: the location could not be taken out.</source>
        <translation>无法修改 %1：未能移除该 location。</translation>
    </message>
    <message>
        <source>webhook log path</source>
        <translation>回调访问日志路径</translation>
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
        <translation>请检查该域名的 DNS 记录（A 或 AAAA）是否指向您的服务器，以及即时通信 IM 控制台中设置的回调 URL 是否拼写正确。</translation>
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
        <translation>服务器没有及时响应 HTTP 请求：后端的回调处理程序（nginx `proxy_pass`，Apache `ProxyPass`）响应太慢或没有运行。即时通信 IM 的回调超时时间约为 2 秒。</translation>
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
        <translation>服务器发送的证书链超过 100 KB：`ssl_certificate`（nginx）或 `SSLCertificateFile`/`SSLCertificateChainFile`（Apache）指定的文件中包含的证书过多。请只保留服务器证书和对应的中间证书。</translation>
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
        <translation>证书链无法追溯到 --server-ca 指定的 CA。请检查服务器发送的证书和中间证书是否正确。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers will refuse this certificate. Serve the whole chain: nginx `ssl_certificate` must name the bundle (server certificate first, then the intermediates, such as `&lt;domain&gt;_bundle.crt`); Apache needs `SSLCertificateChainFile` (`root_bundle.crt`). A self-signed certificate or one from a private CA is not accepted: use one from a public CA, or the one Chat issues for your domain.</source>
        <translation>即时通信 IM 后台会拒绝此证书。请发送完整的证书链：nginx 的 `ssl_certificate` 必须指向证书链文件（先是服务器证书，然后是中间证书，例如 `&lt;domain&gt;_bundle.crt`）；Apache 需要 `SSLCertificateChainFile`（`root_bundle.crt`）。自签名证书或私有 CA 签发的证书不被接受：请使用公共证书颁发机构签发的证书，或 IM 为您的域名签发的证书。</translation>
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
        <source>Renew it before then and reload the server; Chat&apos;s calls fail from the day it expires.</source>
        <translation>请在此之前续期并重新加载服务器；从证书过期当天起，即时通信 IM 的回调都会失败。</translation>
    </message>
    <message>
        <source>The server did not ask for a client certificate, so it cannot tell Chat&apos;s servers from anyone else.</source>
        <translation>服务器没有要求客户端证书，因此无法区分即时通信 IM 后台和其他调用方。</translation>
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
        <translation>`ssl_client_certificate`（nginx）或 `SSLCACertificateFile`（Apache）指向了其他文件：请改为指向 TencentQQAuthCA.crt（nginx 的 `ssl_verify_client optional_no_ca` 或仅使用 `ssl_trusted_certificate` 时也不会发送 CA 名称）。</translation>
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
        <source>The server still accepts %1, a deprecated version.</source>
        <translation>服务器仍接受已弃用的 %1。</translation>
    </message>
    <message>
        <source>Allow only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`. (Chat&apos;s guide shows `ssl_protocols TLSv1 TLSv1.1;`: do not copy that line.)</source>
        <translation>请只允许 TLS 1.2 和 1.3：nginx 使用 `ssl_protocols TLSv1.2 TLSv1.3;`，Apache 使用 `SSLProtocol -all +TLSv1.2 +TLSv1.3`。（即时通信 IM 文档中写的是 `ssl_protocols TLSv1 TLSv1.1;`，请不要照抄这一行。）</translation>
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
        <translation>解析主机名</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>建立连接</translation>
    </message>
    <message>
        <source>TLS handshake without a client certificate</source>
        <translation>不带客户端证书的 TLS 握手</translation>
    </message>
    <message>
        <source>HTTP request to the webhook path</source>
        <translation>发往回调路径的 HTTP 请求</translation>
    </message>
    <message>
        <source>Request with the test client certificate</source>
        <translation>带测试客户端证书的请求</translation>
    </message>
    <message>
        <source>Checking for TLS 1.0 and 1.1</source>
        <translation>TLS 1.0 和 1.1 检查</translation>
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
        <translation>回调 URL 必须是完整的 https:// 地址，例如 https://www.example.com/im/callback（即时通信 IM 只通过 HTTPS 发起回调）。</translation>
    </message>
    <message>
        <source>A test client certificate needs its private key, and the reverse.</source>
        <translation>测试用客户端证书和对应的私钥必须同时提供。</translation>
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
    <message numerus="yes">
        <source>The server&apos;s certificate expires in %n day(s) (%1).</source>
        <translation>
            <numerusform>服务器证书将在 %n 天后（%1）过期。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server accepts neither TLS 1.2 nor TLS 1.3: fix `ssl_protocols` (nginx) or `SSLProtocol` (Apache), for example `ssl_protocols TLSv1.2 TLSv1.3;`.</source>
        <translation>服务器既不接受 TLS 1.2 也不接受 TLS 1.3：请修改 `ssl_protocols`（nginx）或 `SSLProtocol`（Apache），例如 `ssl_protocols TLSv1.2 TLSv1.3;`。</translation>
    </message>
    <message>
        <source>The server trusts a CA other than the one that issued the test certificate: check `ssl_client_certificate` (nginx) or `SSLCACertificateFile` (Apache); when the certificate comes through an intermediate, raise `ssl_verify_depth` (Apache `SSLVerifyDepth`).</source>
        <translation>服务器信任的 CA 不是签发测试证书的那个 CA：请检查 `ssl_client_certificate`（nginx）或 `SSLCACertificateFile`（Apache）；如果证书经由中间证书签发，请调高 `ssl_verify_depth`（Apache 为 `SSLVerifyDepth`）。</translation>
    </message>
    <message>
        <source>--connect-to &quot;%1&quot; is not HOST:PORT or [IPV6]:PORT, such as 127.0.0.1:443.</source>
        <translation>--connect-to &quot;%1&quot; 不是 HOST:PORT 或 [IPV6]:PORT 格式，例如 127.0.0.1:443。</translation>
    </message>
    <message>
        <source>The server found no protocol version and cipher it shares with a current client. First check the protocol list: `ssl_protocols` (nginx) or `SSLProtocol` (Apache) must allow TLS 1.2 and TLS 1.3 (the Chat guide&apos;s sample `ssl_protocols TLSv1 TLSv1.1;` allows only versions a server built with OpenSSL 3 cannot use). Then `ssl_ciphers` (nginx) or `SSLCipherSuite` (Apache), and the server certificate&apos;s key type.</source>
        <translation>服务器与当前主流客户端没有共同支持的协议版本和加密套件。请先检查协议列表：`ssl_protocols`（nginx）或 `SSLProtocol`（Apache）必须允许 TLS 1.2 和 TLS 1.3（即时通信 IM 文档示例中的 `ssl_protocols TLSv1 TLSv1.1;` 只允许基于 OpenSSL 3 构建的服务器无法使用的版本）。然后检查 `ssl_ciphers`（nginx）或 `SSLCipherSuite`（Apache），以及服务器证书的密钥类型。</translation>
    </message>
</context>
<context>
    <name>mtls::ProgramPaths</name>
    <message>
        <source>The wizard mtls-assistant is not installed: the renewal cannot be opened.</source>
        <translation>未安装向导 mtls-assistant，无法打开续期向导。</translation>
    </message>
    <message>
        <source>The wizard %1 could not be started.</source>
        <translation>无法启动向导 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::RegularFile</name>
    <message>
        <source>named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <source>special file</source>
        <translation>特殊文件</translation>
    </message>
</context>
<context>
    <name>mtls::ReminderJob</name>
    <message>
        <source>The path of mtls-assistant-cli holds a control character and cannot be written into a systemd unit: %1</source>
        <translation>mtls-assistant-cli 的路径含有控制字符，无法写入 systemd 单元：%1</translation>
    </message>
</context>
<context>
    <name>mtls::ReminderPolicy</name>
    <message>
        <source>Click Renew (or run mtls-assistant and choose the renewal) to replace it.</source>
        <translation>单击“续期”（或运行 mtls-assistant 并选择续期）以更换该证书。</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expired %n day(s) ago (%2): Chat&apos;s calls fail.</source>
        <translation>
            <numerusform>%1 的证书已于 %n 天前过期（%2）：即时通信 IM 后台的回调请求会失败。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 expires in %n day(s), on %2.</source>
        <translation>
            <numerusform>%1 的证书将在 %n 天后过期（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation>无法检查 %1：%2</translation>
    </message>
    <message>
        <source>No notification is raised for this; the next daily check tries again.</source>
        <translation>此情况不会发出通知；下一次每日检查会再试。</translation>
    </message>
    <message>
        <source>%1 serves another certificate than the one applied (SHA-256 %2).</source>
        <translation>%1 提供的证书不是所应用的证书（SHA-256 %2）。</translation>
    </message>
    <message>
        <source>Was it renewed elsewhere? Or TLS ends at a load balancer such as Tencent Cloud CLB, which then needs mutual authentication configured there.</source>
        <translation>证书是否已在别处续期？或者 TLS 终止于负载均衡器（例如腾讯云 CLB），那么需要在负载均衡器上配置双向认证。</translation>
    </message>
    <message>
        <source>%1 no longer refuses callers without Chat&apos;s client certificate.</source>
        <translation>%1 不再拒绝没有即时通信 IM 客户端证书的调用方。</translation>
    </message>
    <message>
        <source>Anybody can call the webhook. Check the server&apos;s configuration (was the site changed or replaced?), or a load balancer in front of it, then test again with mtls-assistant.</source>
        <translation>任何人都可以调用该回调。请检查服务器的配置（站点是否被更改或替换？）或服务器前面的负载均衡器，然后用 mtls-assistant 再次测试。</translation>
    </message>
    <message>
        <source>Webhook %1 needs attention</source>
        <translation>回调 %1 需要处理</translation>
    </message>
</context>
<context>
    <name>mtls::ReminderSchedule</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The file %1 cannot be written.</source>
        <translation>无法写入文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 cannot be deleted.</source>
        <translation>无法删除文件 %1。</translation>
    </message>
    <message>
        <source>mtls-assistant-cli was not found, so no daily job can run it: install it with the assistant, or set MTLS_CLI to its absolute path.</source>
        <translation>未找到 mtls-assistant-cli，每日任务无法运行它：请随本助手一起安装，或将 MTLS_CLI 设为它的绝对路径。</translation>
    </message>
    <message>
        <source>To be reminded anyway, run &quot;mtls-assistant-cli remind --run&quot; once a day with another scheduler (cron: crontab -e, then the line %1), or delete the units with &quot;mtls-assistant-cli remind --remove&quot;.</source>
        <translation>如仍需提醒，请用其他计划程序每天运行一次“mtls-assistant-cli remind --run”（cron：运行 crontab -e，然后加入一行 %1），或用“mtls-assistant-cli remind --remove”删除这些单元。</translation>
    </message>
    <message>
        <source>This system has no systemd user instance (systemd is not running as the system&apos;s init), so nothing will run the daily job. The units are written in %1 and %2, but not active.</source>
        <translation>此系统没有 systemd 用户实例（systemd 没有作为系统的 init 运行），因此没有程序会运行每日任务。单元已写入 %1 和 %2，但未启用。</translation>
    </message>
    <message>
        <source>The systemd user instance cannot be reached (%1), so nothing will run the daily job. The units are written in %2 and %3, but not active.</source>
        <translation>无法连接 systemd 用户实例（%1），因此没有程序会运行每日任务。单元已写入 %2 和 %3，但未启用。</translation>
    </message>
    <message>
        <source>In a desktop session (where systemd runs for your user), run &quot;mtls-assistant-cli remind --install&quot; again. %1</source>
        <translation>请在桌面会话中（systemd 为您的用户运行时）再次运行“mtls-assistant-cli remind --install”。%1</translation>
    </message>
    <message>
        <source>The timer could not be enabled: %1</source>
        <translation>无法启用定时器：%1</translation>
    </message>
    <message>
        <source>A temporary folder cannot be created.</source>
        <translation>无法创建临时文件夹。</translation>
    </message>
    <message>
        <source>The task could not be registered: %1</source>
        <translation>无法注册计划任务：%1</translation>
    </message>
    <message>
        <source>Run &quot;mtls-assistant-cli remind --run&quot; once a day some other way.</source>
        <translation>请用其他方式每天运行一次“mtls-assistant-cli remind --run”。</translation>
    </message>
    <message>
        <source>The LaunchAgent %1 could not be loaded: %2</source>
        <translation>无法加载 LaunchAgent %1：%2</translation>
    </message>
    <message>
        <source>Log in to the desktop and run &quot;mtls-assistant-cli remind --install&quot; again, or delete it with &quot;mtls-assistant-cli remind --remove&quot;.</source>
        <translation>请登录桌面后再次运行“mtls-assistant-cli remind --install”，或用“mtls-assistant-cli remind --remove”删除该文件。</translation>
    </message>
</context>
<context>
    <name>mtls::ReminderState</name>
    <message>
        <source>The reminder state %1 cannot be read.</source>
        <translation>无法读取提醒状态文件 %1。</translation>
    </message>
    <message>
        <source>The reminder state %1 is damaged. Remove it: the reminders then start afresh.</source>
        <translation>提醒状态文件 %1 已损坏。请删除该文件：提醒随后重新开始。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The reminder state cannot be written to %1.</source>
        <translation>无法将提醒状态写入 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::RemoteDeploy</name>
    <message>
        <source>Another change (job %1, %2 for %3) is still running on the server.</source>
        <translation>服务器上另一项更改（任务 %1，针对 %3 的 %2）仍在运行。</translation>
    </message>
    <message>
        <source>Wait for it with status over SSH, then try again.</source>
        <translation>请通过 SSH 运行 status 等待该任务结束，然后再试。</translation>
    </message>
    <message>
        <source>Verified on the server by install.sh: the new configuration is served at the listen address and asks for a client certificate from the Chat client CA.</source>
        <translation>已由 install.sh 在服务器上验证：监听地址提供新配置，并要求由即时通信 IM 客户端 CA 证书签发的客户端证书。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder on this machine.</source>
        <translation>无法在本机创建临时目录。</translation>
    </message>
    <message>
        <source>Uploaded the bundle to %1 on the server; install.sh runs there as job %2.</source>
        <translation>已将部署包上传到服务器上的 %1；install.sh 作为任务 %2 在服务器上运行。</translation>
    </message>
    <message>
        <source>Nothing to roll back: no change made over SSH remains in the server&apos;s history.</source>
        <translation>没有可回滚的内容：服务器的操作历史中没有通过 SSH 所做的更改。</translation>
    </message>
    <message>
        <source>Nothing to remove: no change for %1 was made on the server over SSH.</source>
        <translation>没有可移除的内容：未曾通过 SSH 在服务器上为 %1 做过更改。</translation>
    </message>
    <message>
        <source>install.sh %1 runs on the server as job %2 (the bundle of job %3).</source>
        <translation>install.sh %1 作为任务 %2 在服务器上运行（使用任务 %3 的部署包）。</translation>
    </message>
    <message>
        <source>Job %1 (%2 for %3) still runs on the server; following it.</source>
        <translation>任务 %1（针对 %3 的 %2）仍在服务器上运行，正在跟踪该任务。</translation>
    </message>
    <message>
        <source>Job %1 still runs on the server; run status over SSH to follow it to its end.</source>
        <translation>任务 %1 仍在服务器上运行：请通过 SSH 运行 status，跟踪该任务直到结束。</translation>
    </message>
    <message>
        <source>Job %1 did not finish, and step %2 of install.sh&apos;s history on the server is incomplete: install.sh puts it back before anything else on its next run; rollback over SSH does it now.</source>
        <translation>任务 %1 没有完成，服务器上 install.sh 操作历史的第 %2 步不完整：install.sh 下次运行时会先还原这一步；通过 SSH 运行 rollback 可立即还原。</translation>
    </message>
    <message>
        <source>The server runs the new configuration for %1 (job %2, step %3 of install.sh&apos;s history), verified by install.sh on the server. Rollback over SSH puts the previous one back.</source>
        <translation>服务器正在运行 %1 的新配置（任务 %2，install.sh 操作历史的第 %3 步），已由 install.sh 在服务器上验证。通过 SSH 运行 rollback 可恢复之前的配置。</translation>
    </message>
    <message>
        <source>Job %1 failed (install.sh ended with %2) and put every file back: the server runs the configuration it ran before.</source>
        <translation>任务 %1 失败（install.sh 以 %2 结束），已还原所有文件：服务器运行的是之前的配置。</translation>
    </message>
    <message>
        <source>Job %1 put the previous configuration for %2 back and the server reloaded it.</source>
        <translation>任务 %1 已恢复 %2 之前的配置，服务器已重新加载该配置。</translation>
    </message>
    <message>
        <source>Job %1 ended without a result (killed, or the server restarted); install.sh&apos;s history shows no incomplete step.</source>
        <translation>任务 %1 结束时没有结果（被终止，或服务器重启过）；install.sh 的操作历史中没有不完整的步骤。</translation>
    </message>
    <message>
        <source>Job %1 failed (install.sh ended with %2); see its log on the server: %3/log.</source>
        <translation>任务 %1 失败（install.sh 以 %2 结束）；请查看服务器上的日志：%3/log。</translation>
    </message>
    <message>
        <source>%1 on the server could not show its effective configuration, so nothing was changed.</source>
        <translation>服务器上的 %1 无法列出生效的配置，因此没有做任何更改。</translation>
    </message>
    <message>
        <source>Verified on the server by install.sh: the site still serves its own certificate, the webhook path refuses callers without a client certificate, and the site&apos;s other pages answer as before.</source>
        <translation>已由 install.sh 在服务器上验证：站点仍提供它自己的证书，回调路径拒绝没有客户端证书的调用方，站点的其他页面响应与之前相同。</translation>
    </message>
    <message>
        <source>A site already answers %1 on the same port on the server, so nothing was changed: the server would keep only one of the two, and either the webhook or that site would stop working. Use a name of its own for the webhook (for example a subdomain), or remove or move the other site first; or ask for client certificates on the webhook path of that site only (--mode merge).</source>
        <translation>服务器上已有站点在同一端口上响应 %1，因此没有做任何更改：服务器只会保留两者之一，回调或该站点将停止工作。请为回调使用独立的域名（例如子域名），或先移除或迁移另一个站点；也可以只在该站点的回调路径上要求客户端证书（--mode merge）。</translation>
    </message>
    <message>
        <source>nginx on the server could not show its effective configuration, so nothing was changed.</source>
        <translation>服务器上的 nginx 无法列出生效的配置，因此没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>mtls::RemoteDiscovery</name>
    <message>
        <source>The program %1 does not exist on the server or cannot be run.</source>
        <translation>服务器上不存在程序 %1，或无法运行该程序。</translation>
    </message>
    <message>
        <source>%1 is not installed on the server (looked for %2).</source>
        <translation>服务器上没有安装 %1（查找了 %2）。</translation>
    </message>
    <message>
        <source>The layout of the server&apos;s configuration could not be told.</source>
        <translation>无法判断服务器配置的目录结构。</translation>
    </message>
    <message>
        <source>The %1 configuration directory was not found on the server. Give it with --server-root.</source>
        <translation>在服务器上没有找到 %1 的配置目录。请用 --server-root 指定。</translation>
    </message>
    <message>
        <source>The %1 main configuration file %2 does not exist on the server. Give it with --main-config.</source>
        <translation>服务器上不存在 %1 的主配置文件 %2。请用 --main-config 指定。</translation>
    </message>
    <message>
        <source>%1 on the server reads no folder for sites from %2, so a site file would never be read. Nothing was changed. Add this line there, then apply again:
    %3</source>
        <translation>服务器上的 %1 没有从 %2 读取任何站点目录，因此站点文件永远不会被读取。未做任何更改。请在该文件中加入下面这一行，然后再次应用：
    %3</translation>
    </message>
</context>
<context>
    <name>mtls::RemoteJob</name>
    <message>
        <source>The connection to the server was lost while the change ran there. It goes on there on its own and ends either fully done or fully put back: connect again and run status to see which (job %1).</source>
        <translation>更改在服务器上运行时，与服务器的连接已断开。更改会在服务器上自行继续，最终要么全部完成，要么全部还原：请重新连接并运行 status 查看结果（任务 %1）。</translation>
    </message>
    <message>
        <source>Run the same status command over SSH again once the server can be reached: it waits for the job and reports the outcome; rollback puts the previous configuration back.</source>
        <translation>服务器可以连接后，请再次通过 SSH 运行相同的 status 命令：该命令会等待任务结束并报告结果；rollback 可恢复之前的配置。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used on the server: only letters, digits and - . _ / + @ : , = are allowed.</source>
        <translation>“%1”不能在服务器上使用：只允许字母、数字和 - . _ / + @ : , =。</translation>
    </message>
    <message>
        <source>remote-job.sh is missing from this program (a build error).</source>
        <translation>本程序中缺少 remote-job.sh（构建错误）。</translation>
    </message>
    <message>
        <source>The shell on the server does not run as root, so nothing can be installed.</source>
        <translation>服务器上的 shell 没有以 root 身份运行，因此无法安装任何内容。</translation>
    </message>
    <message>
        <source>Cannot make a private folder for the job under %1 on the server.</source>
        <translation>无法在服务器上的 %1 下为任务创建私有目录。</translation>
    </message>
    <message>
        <source>The bundle folder %1 on the server has unusual characters.</source>
        <translation>服务器上的部署包目录 %1 含有不寻常的字符。</translation>
    </message>
    <message>
        <source>The bundle file %1 has an unusual name.</source>
        <translation>部署包文件 %1 的名称不寻常。</translation>
    </message>
    <message>
        <source>Cannot write the files into %1 on the server.</source>
        <translation>无法将文件写入服务器上的 %1。</translation>
    </message>
    <message>
        <source>The job did not start on the server (%1).</source>
        <translation>任务没有在服务器上启动（%1）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>无法读取服务器的应答。</translation>
    </message>
</context>
<context>
    <name>mtls::RemoteLogs</name>
    <message>
        <source>The folder of the webhook log %1 does not exist on the server.</source>
        <translation>服务器上不存在回调日志 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>tail could not follow the webhook log on the server.</source>
        <translation>tail 无法跟踪服务器上的回调日志。</translation>
    </message>
</context>
<context>
    <name>mtls::RemoteServerFiles</name>
    <message>
        <source>The server&apos;s virtual hosts cannot be read: its program is not known.</source>
        <translation>无法读取服务器的虚拟主机：不知道它的服务器程序。</translation>
    </message>
    <message>
        <source>Apache on the server could not show its virtual hosts.</source>
        <translation>服务器上的 Apache 无法列出它的虚拟主机。</translation>
    </message>
</context>
<context>
    <name>mtls::Sandbox</name>
    <message>
        <source>Making a throwaway test PKI (server CA, server certificate, stand-in Chat client CA, client certificate)</source>
        <translation>生成一次性测试 PKI（服务器 CA、服务器证书、模拟的即时通信 IM 客户端 CA 证书、客户端证书）</translation>
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
        <translation>启动回调处理程序</translation>
    </message>
    <message>
        <source>Generating the %1 configuration</source>
        <translation>生成 %1 配置</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1.</source>
        <translation>127.0.0.1 上没有空闲端口。</translation>
    </message>
    <message>
        <source>Starting %1 on 127.0.0.1:%2</source>
        <translation>在 127.0.0.1:%2 上启动 %1</translation>
    </message>
    <message>
        <source>Probing %1 without and with the client certificate</source>
        <translation>分别不带和带客户端证书探测 %1</translation>
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
    <name>mtls::SavedSetup</name>
    <message>
        <source>A saved setup has no domain.</source>
        <translation>某条部署记录没有域名。</translation>
    </message>
    <message>
        <source>The saved setup for %1 names no known server.</source>
        <translation>%1 的部署记录中没有指定已知的服务器。</translation>
    </message>
    <message>
        <source>The saved setup for %1 was applied over SSH but names no server.</source>
        <translation>%1 的已保存的部署是通过 SSH 应用的，但没有记录服务器。</translation>
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
        <translation>%1 没有安装（在 PATH 和 /usr/sbin 中都没有找到“%2”程序）。请安装 %1，例如在 Debian 或 Ubuntu 上运行“apt-get install %3”，或提供该程序的路径。</translation>
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
        <translation>%1 没有重新加载配置。%1 是否正在运行？</translation>
    </message>
    <message>
        <source>%1 could not show its configuration.</source>
        <translation>%1 无法显示配置。</translation>
    </message>
    <message>
        <source>Line %1 of %2: %3</source>
        <translation>%2 第 %1 行：%3</translation>
    </message>
    <message>
        <source>%1 could not list its configuration files.</source>
        <translation>%1 无法列出配置文件。</translation>
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
    <message>
        <source>The %1 program %2 does not say which configuration file it reads.</source>
        <translation>%1 程序 %2 没有说明自己读取哪个配置文件。</translation>
    </message>
    <message>
        <source>The configuration file %2 that the %1 program %3 was built for does not exist.</source>
        <translation>%1 程序 %3 编译时指定的配置文件 %2 不存在。</translation>
    </message>
    <message>
        <source>Nothing of another installation is used in its place: give its main configuration with --main-config or its configuration directory with --server-root.</source>
        <translation>不会用其他安装的文件代替：请用 --main-config 指定主配置文件，或用 --server-root 指定配置目录。</translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>After &quot;The nginx configuration directory was not found&quot;: the folder looked at.</extracomment>
        <translation>（%1）</translation>
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
        <translation>此处无需处理：本助手会按正确顺序写入。如果您手动配置服务器，请把服务器证书放在证书链文件的最前面。</translation>
    </message>
    <message>
        <source>No private key was found for the certificate &quot;%1&quot;.</source>
        <translation>没有找到证书“%1”的私钥。</translation>
    </message>
    <message>
        <source>Add the key file (.key) that was made with the certificate request, or the .zip package that holds it. A certificate cannot be served without its key.</source>
        <translation>请添加与证书请求一起生成的私钥文件（.key），或包含该私钥的 .zip 证书包。没有私钥，服务器就无法使用该证书。</translation>
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
    <name>mtls::SetupPlan</name>
    <message>
        <source>Two-way TLS for the Chat webhook of %1 (%2)</source>
        <translation>%1 的即时通信 IM 回调双向认证（%2）</translation>
    </message>
    <message>
        <source>On the server:</source>
        <translation>在服务器上：</translation>
    </message>
    <message>
        <source>1. Copy the certificate files to the paths the configuration names:</source>
        <translation>1. 将证书文件复制到配置中指定的路径：</translation>
    </message>
    <message>
        <source>2. Copy %1 to %2.</source>
        <translation>2. 将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>3. Enable it: ln -s %1 /etc/nginx/sites-enabled/</source>
        <translation>3. 启用该配置：ln -s %1 /etc/nginx/sites-enabled/</translation>
    </message>
    <message>
        <source>4. Test and reload: nginx -t &amp;&amp; nginx -s reload</source>
        <translation>4. 测试并重新加载：nginx -t &amp;&amp; nginx -s reload</translation>
    </message>
    <message>
        <source>3. Enable the modules and the site: a2enmod ssl headers proxy proxy_http socache_shmcb &amp;&amp; a2ensite %1</source>
        <translation>3. 启用所需模块和站点：a2enmod ssl headers proxy proxy_http socache_shmcb &amp;&amp; a2ensite %1</translation>
    </message>
    <message>
        <source>4. Test and reload: apache2ctl configtest &amp;&amp; apache2ctl graceful</source>
        <translation>4. 测试并重新加载：apache2ctl configtest &amp;&amp; apache2ctl graceful</translation>
    </message>
    <message>
        <source>Adapt the paths when your server keeps its configuration elsewhere.</source>
        <translation>如果您的服务器将配置存放在其他位置，请相应调整路径。</translation>
    </message>
    <message>
        <source>No %1 was found on this machine.</source>
        <translation>本机上没有找到 %1。</translation>
    </message>
    <message>
        <source>The certificate, its key and Chat&apos;s client CA are needed to test the configuration.</source>
        <translation>测试配置需要证书、证书的私钥以及即时通信 IM 客户端 CA 证书。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder to test the configuration.</source>
        <translation>无法创建用于测试配置的临时文件夹。</translation>
    </message>
    <message>
        <source>%1 refused the generated configuration.</source>
        <translation>%1 拒绝了生成的配置。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 exists already; choose an empty folder.</source>
        <translation>%1 已存在；请选择一个空文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>No %1 was found on the server.</source>
        <translation>服务器上没有找到 %1。</translation>
    </message>
    <message>
        <source>Connect to the server again: the site to merge into has not been read there.</source>
        <translation>请重新连接服务器：尚未在服务器上读取要合并的站点。</translation>
    </message>
</context>
<context>
    <name>mtls::SetupStore</name>
    <message>
        <source>The saved setups in %1 cannot be read.</source>
        <translation>无法读取 %1 中的部署记录。</translation>
    </message>
    <message>
        <source>The file of saved setups %1 is damaged. It was left as it is; move it aside to start a new one.</source>
        <translation>部署记录文件 %1 已损坏。该文件保持原样；请将其移走，以便重新开始记录。</translation>
    </message>
    <message>
        <source>JSON error at offset %1: %2</source>
        <translation>JSON 错误（偏移量 %1）：%2</translation>
    </message>
    <message>
        <source>The file does not hold a JSON object.</source>
        <translation>该文件中没有 JSON 对象。</translation>
    </message>
    <message>
        <source>The file of saved setups %1 was written by another version of the assistant (format %2).</source>
        <translation>部署记录文件 %1 是由其他版本的本助手写入的（格式 %2）。</translation>
    </message>
    <message>
        <source>The folder %1 for saved setups cannot be created.</source>
        <translation>无法创建用于保存部署记录的文件夹 %1。</translation>
    </message>
    <message>
        <source>The saved setups cannot be written to %1.</source>
        <translation>无法将部署记录写入 %1。</translation>
    </message>
    <message>
        <source>There is no saved setup %1.</source>
        <translation>没有名为 %1 的部署记录。</translation>
    </message>
    <message>
        <source>The file %1 cannot be renamed.</source>
        <translation>无法重命名文件 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::ShellSession</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>The shell has ended.</source>
        <translation>Shell 已结束。</translation>
    </message>
    <message>
        <source>Could not write to the shell: %1</source>
        <translation>无法写入 shell：%1</translation>
    </message>
    <message>
        <source>The command printed more than %1 MB; it was stopped.</source>
        <translation>该命令的输出超过 %1 MB，已被终止。</translation>
    </message>
    <message>
        <source>The command did not finish within %1 s; the connection was closed.</source>
        <translation>该命令未在 %1 秒内完成，连接已关闭。</translation>
    </message>
    <message>
        <source>The shell ended before the command finished.</source>
        <translation>命令完成前 shell 已结束。</translation>
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
    <name>mtls::SitePlacement</name>
    <message>
        <source>The %1 configuration %2 belongs to a server that runs in a container (%3; 1Panel&apos;s OpenResty is one). Its paths are the container&apos;s, and it must be tested and reloaded inside the container, so apply cannot change it from here. Use &apos;export&apos; and install the files with the panel or inside the container.</source>
        <translation>%1 配置 %2 属于在容器中运行的服务器（%3；1Panel 的 OpenResty 就是这样）。该配置中的路径是容器内的路径，而且必须在容器内测试和重新加载，因此 apply 无法在此处更改该配置。请使用“export”导出，再通过面板或在容器内安装这些文件。</translation>
    </message>
    <message>
        <source>%1 reads no directory for sites from its main configuration, so a site file would never be read. Nothing was changed. Add this line %2:
    %3
then apply again, or apply with --add-include to have it added (rollback removes it again).</source>
        <translation>%1 的主配置没有读取任何站点目录，因此站点文件永远不会被读取。未做任何更改。请%2添加下面这一行：
    %3
然后再次执行 apply；或者使用 --add-include 执行 apply，由它添加这一行（rollback 会再次将其移除）。</translation>
    </message>
    <message>
        <source>inside the http { } block of %1</source>
        <translation>在 %1 的 http { } 块内</translation>
    </message>
    <message>
        <source>at the end of %1</source>
        <translation>在 %1 的末尾</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Apache listens on port %1 only on %2, so the site answers only there.</source>
        <translation>Apache 在端口 %1 上只监听 %2，因此该站点只在那里应答。</translation>
    </message>
    <message>
        <source>To answer on every address, change that Listen to &quot;Listen %1&quot; (a second Listen for every address would stop Apache).</source>
        <translation>如需在所有地址上应答，请把该 Listen 改为“Listen %1”（再添加一条监听所有地址的 Listen 会使 Apache 无法启动）。</translation>
    </message>
    <message>
        <source>The other Apache virtual hosts on port %1 use *:%1 (%2). A &lt;VirtualHost %3&gt; would take every connection to %4 on that port away from them: those sites would no longer answer there.</source>
        <translation>端口 %1 上的其他 Apache 虚拟主机使用 *:%1（%2）。&lt;VirtualHost %3&gt; 会夺走该端口上发往 %4 的所有连接：那些站点将不再在该地址上应答。</translation>
    </message>
    <message>
        <source>Listen on *:%1 (--listen *:%1), the form the other virtual hosts use; the site then answers only for its own name.</source>
        <translation>改为监听 *:%1（--listen *:%1），即其他虚拟主机使用的形式；这样该站点只应答自己的域名。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Give --force to apply it anyway.</source>
        <translation>如仍要应用，请加上 --force。</translation>
    </message>
</context>
<context>
    <name>mtls::SshFindings</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s); nothing was done there.</source>
        <translation>
            <numerusform>%1 在 %n 秒内没有应答，未在该服务器上执行任何操作。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check that the server is running and that a firewall lets this machine reach its SSH port (try ssh in a terminal), then try again.</source>
        <translation>请确认服务器正在运行，且防火墙允许本机访问它的 SSH 端口（可在终端中用 ssh 试一试），然后重试。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: the name is not known, nothing listens on the port, or there is no route to it.</source>
        <translation>无法连接 %1：名称无法解析、该端口上没有服务在监听，或者没有通往该主机的路由。</translation>
    </message>
    <message>
        <source>Check the host name and the port (an SSH server listens on 22 unless it was moved), and that the SSH service runs on the server.</source>
        <translation>请检查主机名和端口（SSH 服务默认监听 22 端口，除非另行修改过），并确认服务器上的 SSH 服务正在运行。</translation>
    </message>
    <message>
        <source>The server %1 refused the login (no key it accepts for this user).</source>
        <translation>服务器 %1 拒绝了登录（没有它接受的该用户的密钥）。</translation>
    </message>
    <message>
        <source>Check the user name and the key (--identity FILE, or the key your ssh agent holds); the public key must be in that user&apos;s ~/.ssh/authorized_keys on the server. The assistant never logs in with a password: use a key.</source>
        <translation>请检查用户名和密钥（--identity FILE，或 ssh agent 中的密钥）；公钥必须写在服务器上该用户的 ~/.ssh/authorized_keys 中。本助手从不用密码登录，请使用密钥。</translation>
    </message>
    <message>
        <source>ssh refused the host key of %1: it is not the one recorded in %2. The server may have been reinstalled, or someone between you and the server may be intercepting the connection. Nothing was sent to it.</source>
        <translation>ssh 拒绝了 %1 的主机密钥：它与 %2 中记录的不同。服务器可能已重装，也可能有人在您和服务器之间截取连接。没有向该服务器发送任何内容。</translation>
    </message>
    <message>
        <source>Check the server&apos;s key fingerprint with its administrator. If the new key is right, remove the old one with ssh-keygen -R HOST -f %1 and connect again.</source>
        <translation>请与服务器管理员核对密钥指纹。如果新密钥无误，用 ssh-keygen -R HOST -f %1 删除旧密钥后重新连接。</translation>
    </message>
    <message>
        <source>ssh does not know the host key of %1 yet.</source>
        <translation>ssh 尚不认识 %1 的主机密钥。</translation>
    </message>
    <message>
        <source>Compare the server&apos;s key fingerprint with the one its administrator gives you and accept it (--accept-host-key SHA256:…).</source>
        <translation>请将服务器的密钥指纹与管理员提供的指纹比对，一致后再接受（--accept-host-key SHA256:…）。</translation>
    </message>
    <message>
        <source>The SSH connection to %1 failed.</source>
        <translation>到 %1 的 SSH 连接失败。</translation>
    </message>
    <message>
        <source>Read ssh&apos;s message below; try the same connection with ssh in a terminal.</source>
        <translation>请阅读下方 ssh 的消息，并在终端中用 ssh 尝试同样的连接。</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>该用户</translation>
    </message>
    <message>
        <source>sudo on %1 runs only from a terminal (the requiretty setting), so the assistant cannot become root there.</source>
        <translation>%1 上的 sudo 只能在终端中运行（requiretty 设置），本助手无法在该服务器上取得 root 权限。</translation>
    </message>
    <message>
        <source>On the server, have an administrator turn requiretty off for %1 (the line Defaults:%1 !requiretty in a file of /etc/sudoers.d, edited with visudo), or connect as root.</source>
        <translation>请服务器管理员为 %1 关闭 requiretty（用 visudo 在 /etc/sudoers.d 的文件中加入 Defaults:%1 !requiretty 一行），或以 root 身份连接。</translation>
    </message>
    <message>
        <source>%1 may not use sudo on %2, so the assistant cannot become root there.</source>
        <translation>%1 无权在 %2 上使用 sudo，本助手无法在该服务器上取得 root 权限。</translation>
    </message>
    <message>
        <source>Connect as a user who may run commands as root with sudo (for example a member of the sudo or wheel group), or as root.</source>
        <translation>请以可以用 sudo 以 root 身份运行命令的用户（例如 sudo 或 wheel 组的成员）或以 root 身份连接。</translation>
    </message>
    <message>
        <source>%1 is not root and the server %2 has no sudo.</source>
        <translation>%1 不是 root，且服务器 %2 上没有 sudo。</translation>
    </message>
    <message>
        <source>Connect as root, or install sudo on the server and allow %1 to use it.</source>
        <translation>请以 root 身份连接，或在服务器上安装 sudo 并允许 %1 使用。</translation>
    </message>
    <message>
        <source>sudo on %1 did not accept the password.</source>
        <translation>%1 上的 sudo 没有接受该密码。</translation>
    </message>
    <message>
        <source>Give the password of the user you log in as on the server (sudo asks for your own password, not root&apos;s), and try again.</source>
        <translation>请提供您在服务器上登录所用用户的密码（sudo 要的是您自己的密码，而不是 root 的），然后重试。</translation>
    </message>
    <message>
        <source>Give the password of the user %1 on the server (sudo asks for your own password, not root&apos;s), and try again.</source>
        <translation>请提供服务器上用户 %1 的密码（sudo 要的是您自己的密码，而不是 root 的），然后重试。</translation>
    </message>
    <message>
        <source>sudo on %1 wants the user&apos;s password to run commands as root.</source>
        <translation>%1 上的 sudo 需要该用户的密码才能以 root 身份运行命令。</translation>
    </message>
    <message>
        <source>Give the password (on the command line: --sudo-password-env VAR, with the password in the environment variable VAR), or connect as root.</source>
        <translation>请提供密码（命令行中用 --sudo-password-env VAR，密码放在环境变量 VAR 中），或以 root 身份连接。</translation>
    </message>
</context>
<context>
    <name>mtls::SshHostKey</name>
    <message>
        <source>ssh could not read its configuration for %1.</source>
        <translation>ssh 无法读取 %1 的配置。</translation>
    </message>
    <message>
        <source>Run ssh -G %1 in a terminal and correct what it reports in ~/.ssh/config.</source>
        <translation>请在终端中运行 ssh -G %1，并按它报告的问题修改 ~/.ssh/config。</translation>
    </message>
    <message>
        <source>ssh&apos;s configuration turns %1 into a host name or port that cannot be used: %2.</source>
        <translation>ssh 的配置把 %1 变成了无法使用的主机名或端口：%2。</translation>
    </message>
    <message>
        <source>Correct the HostName, Port or HostKeyAlias line for this host in ~/.ssh/config.</source>
        <translation>请修改 ~/.ssh/config 中该主机的 HostName、Port 或 HostKeyAlias 行。</translation>
    </message>
    <message>
        <source>The known-hosts file %1 cannot be read.</source>
        <translation>无法读取 known_hosts 文件 %1。</translation>
    </message>
    <message>
        <source>Check that the file is readable and holds known-hosts lines, or name another file.</source>
        <translation>请确认该文件可读且内容是 known_hosts 格式的行，或指定另一个文件。</translation>
    </message>
    <message>
        <source>The server %1 is not known yet. Its %2 host key has the fingerprint %3.</source>
        <translation>服务器 %1 尚未被认可。它的 %2 主机密钥指纹为 %3。</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the server&apos;s administrator gives you (on the server: ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub). If they are the same, accept the key (on the command line: --accept-host-key %1); it is then recorded in %2.</source>
        <translation>请将该指纹与服务器管理员提供的指纹比对（在服务器上运行：ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub）。两者一致时再接受该密钥（命令行中用 --accept-host-key %1），密钥随后记录在 %2 中。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed: the server now presents the key %2, not the one recorded in %3. The server may have been reinstalled, or someone between you and the server may be intercepting the connection. The assistant did not connect.</source>
        <translation>%1 的主机密钥已改变：服务器现在出示的是密钥 %2，而不是 %3 中记录的密钥。服务器可能已重装，也可能有人在您和服务器之间截取连接。本助手没有连接。</translation>
    </message>
    <message>
        <source>Check the new fingerprint with the server&apos;s administrator. Only if it is right, remove the old key with: ssh-keygen -R &quot;%1&quot; -f &quot;%2&quot;, then connect again and accept the new key.</source>
        <translation>请与服务器管理员核对新指纹。只有在确认无误后，才用 ssh-keygen -R &quot;%1&quot; -f &quot;%2&quot; 删除旧密钥，然后重新连接并接受新密钥。</translation>
    </message>
    <message>
        <source>The known-hosts file&apos;s path must not contain a double quote: %1.</source>
        <translation>known_hosts 文件的路径不能包含双引号：%1。</translation>
    </message>
    <message>
        <source>%1 is reached through a ProxyJump or ProxyCommand of your ssh configuration, so the assistant cannot read its host key to show it to you.</source>
        <translation>您的 ssh 配置通过 ProxyJump 或 ProxyCommand 连接 %1，本助手无法读取它的主机密钥来向您展示。</translation>
    </message>
    <message>
        <source>Add the server&apos;s key to %1 yourself (for example, from a machine that reaches it: ssh-keyscan HOST, and check the fingerprint with the administrator), or name a known-hosts file that already holds it (--known-hosts ~/.ssh/known_hosts).</source>
        <translation>请自行把服务器的密钥加入 %1（例如在能直接访问它的机器上运行 ssh-keyscan HOST，并与管理员核对指纹），或指定一个已包含该密钥的 known_hosts 文件（--known-hosts ~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <source>The server %1 offers no host key with the fingerprint %2 that was given to accept; it offers: %3. The assistant did not connect.</source>
        <translation>服务器 %1 没有指纹为 %2（指定要接受的指纹）的主机密钥；它出示的是：%3。本助手没有连接。</translation>
    </message>
    <message>
        <source>Check the fingerprint with the server&apos;s administrator. If it differs from what the server offers, someone between you and the server may be intercepting the connection.</source>
        <translation>请与服务器管理员核对指纹。如果与服务器出示的不同，可能有人在您和服务器之间截取连接。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the known-hosts file.</source>
        <translation>无法为 known_hosts 文件创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot record the host key in %1.</source>
        <translation>无法把主机密钥记录到 %1。</translation>
    </message>
</context>
<context>
    <name>mtls::SshPortForward</name>
    <message>
        <source>No free port on this machine for the SSH port forward.</source>
        <translation>本机没有可用于 SSH 端口转发的空闲端口。</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>The SSH server of %1 did not forward a port to %2:%3.</source>
        <translation>%1 的 SSH 服务器没有把端口转发到 %2:%3。</translation>
    </message>
    <message>
        <source>The server&apos;s sshd may forbid it (AllowTcpForwarding no): allow it for this user, or run the command on the server itself.</source>
        <translation>服务器的 sshd 可能禁止了端口转发（AllowTcpForwarding no）：请为该用户允许转发，或直接在服务器上运行该命令。</translation>
    </message>
</context>
<context>
    <name>mtls::SshShell</name>
    <message>
        <source>The sudo password contains a line break, which sudo cannot read from its prompt.</source>
        <translation>sudo 密码中含有换行符，sudo 无法从提示中读取。</translation>
    </message>
</context>
<context>
    <name>mtls::SshTarget</name>
    <message>
        <source>The SSH target &quot;%1&quot; is not valid: %2</source>
        <translation>SSH 目标“%1”无效：%2</translation>
    </message>
    <message>
        <source>Write the server as [USER@]HOST[:PORT], for example deploy@www.example.com:2222 or root@[2001:db8::1]:22.</source>
        <translation>请按 [USER@]HOST[:PORT] 的格式填写服务器，例如 deploy@www.example.com:2222 或 root@[2001:db8::1]:22。</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>内容为空。</translation>
    </message>
    <message>
        <source>it holds a space or a control character.</source>
        <translation>含有空格或控制字符。</translation>
    </message>
    <message>
        <source>it starts with &quot;-&quot;, which ssh would take for an option.</source>
        <translation>以“-”开头，ssh 会把它当作选项。</translation>
    </message>
    <message>
        <source>the user name before &quot;@&quot; is empty.</source>
        <translation>“@”前的用户名为空。</translation>
    </message>
    <message>
        <source>the user name may hold letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot; only, and must not start with &quot;-&quot; or &quot;.&quot;.</source>
        <translation>用户名只能包含字母、数字、“.”、“_”和“-”，且不能以“-”或“.”开头。</translation>
    </message>
    <message>
        <source>the &quot;[&quot; of the IPv6 address is not closed.</source>
        <translation>IPv6 地址的“[”没有闭合。</translation>
    </message>
    <message>
        <source>only &quot;:PORT&quot; may follow the &quot;]&quot; of the address.</source>
        <translation>地址的“]”后只能跟“:PORT”。</translation>
    </message>
    <message>
        <source>the port after &quot;:&quot; is empty.</source>
        <translation>“:”后的端口为空。</translation>
    </message>
    <message>
        <source>the text in brackets is not an IPv6 address.</source>
        <translation>方括号中的内容不是 IPv6 地址。</translation>
    </message>
    <message>
        <source>write an IPv6 address with a port as [ADDRESS]:PORT.</source>
        <translation>带端口的 IPv6 地址请写成 [ADDRESS]:PORT。</translation>
    </message>
    <message>
        <source>the host name is empty.</source>
        <translation>主机名为空。</translation>
    </message>
    <message>
        <source>the host starts with &quot;-&quot;, which ssh would take for an option.</source>
        <translation>主机以“-”开头，ssh 会把它当作选项。</translation>
    </message>
    <message>
        <source>a host name may hold letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot; only.</source>
        <translation>主机名只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The OpenSSH program %1 was not found, so this machine cannot reach a server over SSH.</source>
        <translation>未找到 OpenSSH 程序 %1，本机无法通过 SSH 连接服务器。</translation>
    </message>
    <message>
        <source>Install the OpenSSH client (the openssh-client package on Debian and Ubuntu; on Windows the optional feature &quot;OpenSSH Client&quot;; macOS has it), then try again.</source>
        <translation>请安装 OpenSSH 客户端（Debian 和 Ubuntu 上是 openssh-client 软件包；Windows 上是可选功能“OpenSSH 客户端”；macOS 自带），然后重试。</translation>
    </message>
</context>
<context>
    <name>mtls::TextJoin</name>
    <message>
        <source>%1 %2</source>
        <extracomment>Two sentences one after the other. Chinese: &quot;%1%2&quot; (the first ends in &quot;。&quot;, no space).</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between the items of a list of names or files. Chinese: &quot;、&quot;.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Between the items of a list whose items may hold commas themselves (certificate subjects). Chinese: &quot;；&quot;.</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>A duration in milliseconds. Chinese: &quot;%1 毫秒&quot;.</extracomment>
        <translation>%1 毫秒</translation>
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
        <translation>目录 %1 不能用于测试服务器：目录名称中包含引号或换行符。</translation>
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
        <translation>文档示例（chat-guide）安全策略与即时通信 IM 文档中的示例一样，只允许 TLS 1.0 和 TLS 1.1。这两个版本已被弃用（RFC 8996），OpenSSL 3 在默认安全级别下会拒绝它们，因此使用此配置的新版服务器无法完成握手。</translation>
    </message>
    <message>
        <source>Use the intermediate profile (TLS 1.2 and 1.3, the default) or modern (TLS 1.3 only).</source>
        <translation>请使用中级（intermediate）安全策略（TLS 1.2 和 1.3，默认）或现代（modern）安全策略（仅 TLS 1.3）。</translation>
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
    <name>mtls::WebhookCall</name>
    <message>
        <source>The caller sent no client certificate, so the call was refused.</source>
        <translation>调用方没有出示客户端证书，因此该调用被拒绝。</translation>
    </message>
    <message>
        <source>Is HTTPS mutual authentication switched on for the webhook in the Chat console? Does TLS end at a load balancer in front of this server (it must then pass the client certificate on, or check it itself)?</source>
        <translation>是否已在即时通信 IM 控制台为回调开启 HTTPS 双向认证？TLS 是否在本服务器前面的负载均衡器上终止（如果是，负载均衡器必须转发客户端证书，或自行校验客户端证书）？</translation>
    </message>
    <message>
        <source>The caller&apos;s client certificate failed verification (%1), so the call was refused.</source>
        <translation>调用方的客户端证书未通过校验（%1），因此该调用被拒绝。</translation>
    </message>
    <message>
        <source>Check that the server trusts the Chat client CA (TencentQQAuthCA.crt) and no other file; if the certificate has expired, download the current one from the Chat documentation.</source>
        <translation>请确认服务器信任的是即时通信 IM 客户端 CA 证书（TencentQQAuthCA.crt），而不是别的文件；如果该证书已过期，请从即时通信 IM 文档下载当前的证书。</translation>
    </message>
    <message>
        <source>The server did not verify a client certificate for this call.</source>
        <translation>服务器没有为该调用校验客户端证书。</translation>
    </message>
    <message>
        <source>Apply the configuration again: the webhook path must require a client certificate.</source>
        <translation>请重新应用配置：回调路径必须要求客户端证书。</translation>
    </message>
    <message>
        <source>The call was verified, but the answer was HTTP %1; Chat counts anything but 200 as a failure.</source>
        <translation>该调用已通过校验，但应答为 HTTP %1；即时通信 IM 把 200 以外的应答都视为失败。</translation>
    </message>
    <message>
        <source>The call was verified, but the log holds no HTTP status for it.</source>
        <translation>该调用已通过校验，但日志中没有该调用的 HTTP 状态码。</translation>
    </message>
    <message>
        <source>Look at the webhook application&apos;s own log, and try it with &quot;mtls-assistant-cli rehearse&quot;.</source>
        <translation>请查看回调处理程序自己的日志，并用“mtls-assistant-cli rehearse”演练回调处理程序。</translation>
    </message>
    <message>
        <source>The webhook application took %1 to answer; Chat gives up after about 2 seconds.</source>
        <translation>回调处理程序用了 %1 才应答；即时通信 IM 大约 2 秒后就会放弃等待。</translation>
    </message>
    <message>
        <source>Answer Chat at once and do the slow work afterwards.</source>
        <translation>请立即应答 IM 后台的调用，耗时的处理放到应答之后再做。</translation>
    </message>
    <message>
        <source>A verified Chat call, answered with HTTP 200.</source>
        <translation>一次已通过校验的即时通信 IM 调用，应答为 HTTP 200。</translation>
    </message>
</context>
<context>
    <name>mtls::WebhookRehearsal</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无应答</translation>
    </message>
    <message>
        <source>The SDKAppID &quot;%1&quot; is not a number: copy it from the application&apos;s card in the Chat console.</source>
        <translation>SDKAppID“%1”不是数字：请从即时通信 IM 控制台的应用卡片中复制。</translation>
    </message>
    <message>
        <source>The webhook application at %1 cannot be reached: %2.</source>
        <translation>无法连接位于 %1 的回调处理程序：%2。</translation>
    </message>
    <message>
        <source>Start the application, or give the address it listens on (the URL the server configuration proxies to).</source>
        <translation>请启动回调处理程序，或提供该程序监听的地址（即服务器配置转发到的 URL）。</translation>
    </message>
    <message>
        <source>%1: no answer within %2 ms; Chat gives up after %3 ms.</source>
        <translation>%1：%2 毫秒内无应答；即时通信 IM 后台 %3 毫秒后即放弃。</translation>
    </message>
    <message>
        <source>%1: answered after %2 ms; Chat gives up after %3 ms.</source>
        <translation>%1：%2 毫秒后才应答；即时通信 IM 后台 %3 毫秒后即放弃。</translation>
    </message>
    <message>
        <source>Answer first and do the slow work afterwards (a queue or a background task).</source>
        <translation>请先应答，再处理耗时的工作（使用队列或后台任务）。</translation>
    </message>
    <message>
        <source>%1: the application answered HTTP %2; Chat expects 200.</source>
        <translation>%1：回调处理程序返回了 HTTP %2；即时通信 IM 后台要求返回 200。</translation>
    </message>
    <message>
        <source>Answer every callback Chat sends, also the ones the application does not handle, with HTTP 200.</source>
        <translation>对即时通信 IM 后台发送的每个回调（包括回调处理程序不处理的回调）都返回 HTTP 200。</translation>
    </message>
    <message>
        <source>%1: the answer is not {&quot;ActionStatus&quot;:&quot;OK&quot;,&quot;ErrorCode&quot;:0}: Chat takes it as a failure.</source>
        <translation>%1：应答不是 {&quot;ActionStatus&quot;:&quot;OK&quot;,&quot;ErrorCode&quot;:0}，即时通信 IM 后台会视为失败。</translation>
    </message>
    <message>
        <source>Answer with the JSON body {&quot;ActionStatus&quot;:&quot;OK&quot;,&quot;ErrorCode&quot;:0,&quot;ErrorInfo&quot;:&quot;&quot;} (for a before-event callback, ErrorCode 1 turns the event down on purpose).</source>
        <translation>请以 JSON 正文 {&quot;ActionStatus&quot;:&quot;OK&quot;,&quot;ErrorCode&quot;:0,&quot;ErrorInfo&quot;:&quot;&quot;} 应答（对于之前回调，ErrorCode 为 1 表示有意拒绝该事件）。</translation>
    </message>
    <message>
        <source>The application accepted a call whose Sign is wrong: anyone who finds the URL can send it callbacks.</source>
        <translation>回调处理程序接受了 Sign 错误的调用：任何知道该 URL 的人都能向该程序发送回调。</translation>
    </message>
    <message>
        <source>Compute the lower-case hex SHA-256 of the token followed by RequestTime and turn the call down when Sign differs.</source>
        <translation>请计算 token 与 RequestTime 拼接后的小写十六进制 SHA-256，与 Sign 不一致时拒绝该调用。</translation>
    </message>
    <message>
        <source>The application accepted a correctly signed call from %1 s ago: a recorded call can be replayed.</source>
        <translation>回调处理程序接受了 %1 秒前正确签名的调用：录下的调用可被重放。</translation>
    </message>
    <message>
        <source>Turn down calls whose RequestTime is more than a minute away from the current time.</source>
        <translation>请拒绝 RequestTime 与当前时间相差超过一分钟的调用。</translation>
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
    <message>
        <source>The zip archive, with what it holds, has more than %1 files and blocks: refused.</source>
        <translation>zip 压缩包连同其中的内容共有超过 %1 个文件和数据块：已拒绝。</translation>
    </message>
    <message>
        <source>The zip archive, with the archives inside it, unpacks to more than %1 MB in all: refused.</source>
        <translation>zip 压缩包连同其中嵌套的压缩包，解压后总计超过 %1 MB：已拒绝。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::ApplyCommand</name>
    <message>
        <source>Install the files and the configuration on this machine&apos;s server, test, reload; undo on failure.</source>
        <translation>在本机服务器上安装文件和配置，测试并重新加载；失败时撤销更改。</translation>
    </message>
    <message>
        <source>The server&apos;s directories are not yours to write: asking for administrator rights...</source>
        <translation>您无权写入服务器的目录：正在请求管理员权限……</translation>
    </message>
    <message>
        <source>Run the same command again with --elevate to be asked for administrator rights, or run it with sudo.</source>
        <translation>请加上 --elevate 再次运行同一命令以请求管理员权限，或使用 sudo 运行。</translation>
    </message>
    <message>
        <source>Done: the server runs the new configuration, verified from outside. &apos;mtls-assistant-cli rollback&apos; puts the previous one back.</source>
        <translation>完成：服务器正在运行新配置，已从外部验证。“mtls-assistant-cli rollback”可恢复之前的配置。</translation>
    </message>
    <message>
        <source>Apply the chat-guide profile (TLS 1.0 and 1.1 only) even though servers built with OpenSSL 3 cannot complete a handshake with it.</source>
        <translation>即使基于 OpenSSL 3 构建的服务器无法用 chat-guide（文档示例）安全策略完成握手，仍应用该安全策略（仅 TLS 1.0 和 1.1）。</translation>
    </message>
    <message>
        <source>warning: the setup could not be saved, so &apos;status&apos; will not list it: %1</source>
        <translation>警告：无法保存此次部署，因此 status 不会列出该部署：%1</translation>
    </message>
    <message>
        <source>The include line for %1 was added to %2; &apos;mtls-assistant-cli rollback&apos; removes it.</source>
        <translation>已在 %2 中添加读取 %1 的 include 行；“mtls-assistant-cli rollback”会将其移除。</translation>
    </message>
    <message>
        <source>When the main configuration reads no directory for sites, add the include line for one of ours to it (rollback removes it). Without it, apply refuses and shows the line.</source>
        <translation>当主配置没有读取任何站点目录时，在主配置中添加读取本程序自有目录的 include 行（rollback 会将其移除）。不加此选项时，apply 会拒绝执行并显示这一行。</translation>
    </message>
    <message>
        <source>Apply even where it would take connections away from other sites (an Apache virtual host on an explicit address beside others on *); a warning instead of a refusal.</source>
        <translation>即使会夺走其他站点的连接（Apache 虚拟主机使用明确地址，而同一端口的其他虚拟主机使用 *）也照样应用；以警告代替拒绝。</translation>
    </message>
    <message>
        <source>The webhook was merged into the site of %1: only the webhook path asks for a client certificate from the Chat client CA, and browsers are not asked. A client that presents a certificate that fails verification gets HTTP 400 on every path of the site.</source>
        <translation>回调已合并到 %1 中的站点：只有回调路径要求出示即时通信 IM 客户端 CA 签发的客户端证书，浏览器不会被要求出示证书。出示了未通过验证的证书的客户端，在该站点的所有路径上都会收到 HTTP 400。</translation>
    </message>
    <message>
        <source>With --mode merge: replace a location the site already has for the webhook path (rollback puts it back). Without it, apply refuses and shows that location.</source>
        <translation>与 --mode merge 一起使用：替换该站点已有的回调路径 location（回滚会恢复原样）。不指定时，apply 会拒绝执行并显示该 location。</translation>
    </message>
    <message>
        <source>--mode must be merge or dedicated.</source>
        <translation>--mode 必须是 merge 或 dedicated。</translation>
    </message>
    <message>
        <source>--replace-location goes with --mode merge.</source>
        <translation>--replace-location 需要与 --mode merge 一起使用。</translation>
    </message>
    <message>
        <source>How to set the webhook up when a site already answers its name on the port: merge (a client certificate on the webhook path only, inside that site) or dedicated (a site of its own, for a name of its own). Without it, apply refuses when such a site exists.</source>
        <translation>当同一端口上已有站点响应该域名时回调的设置方式：merge（只在回调路径上、在该站点内要求客户端证书）或 dedicated（单独的站点，使用单独的域名）。不指定时，若存在这样的站点，apply 会拒绝执行。</translation>
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
        <translation>客户端 CA 证书（调用方必须出示由该 CA 签发的证书）</translation>
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
        <translation>回调域名（与即时通信 IM 控制台中一致）或回调 URL。</translation>
    </message>
    <message>
        <source>The server certificate (PEM, DER; may also hold the chain and the key).</source>
        <translation>服务器证书（PEM、DER；也可包含证书链和私钥）。</translation>
    </message>
    <message>
        <source>The private key, when it is in a file of its own.</source>
        <translation>私钥（单独存放在一个文件中时）。</translation>
    </message>
    <message>
        <source>The intermediate certificates, when they are in a file of their own.</source>
        <translation>中间证书（单独存放在一个文件中时）。</translation>
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
    <name>mtls::cli::ElevationOptions</name>
    <message>
        <source>When the server&apos;s files are not yours to write, ask for administrator rights with the system&apos;s own prompt (pkexec, User Account Control, macOS authorization) instead of stopping.</source>
        <translation>当您无权写入服务器的文件时，通过系统自身的提示（pkexec、用户帐户控制、macOS 授权）请求管理员权限，而不是停止。</translation>
    </message>
    <message>
        <source>Internal: act on the request FILE that an unprivileged run prepared (used by --elevate).</source>
        <translation>内部使用：执行由无特权运行准备好的请求文件 FILE（供 --elevate 使用）。</translation>
    </message>
    <message>
        <source>Internal: write the JSON outcome to FILE (used by --elevate).</source>
        <translation>内部使用：把 JSON 结果写入 FILE（供 --elevate 使用）。</translation>
    </message>
    <message>
        <source>--request cannot be combined with --%1: the request file holds everything.</source>
        <translation>--request 不能与 --%1 一起使用：请求文件已包含全部内容。</translation>
    </message>
    <message>
        <source>Cannot read the request file %1.</source>
        <translation>无法读取请求文件 %1。</translation>
    </message>
    <message>
        <source>The request file %1 is not valid JSON.</source>
        <translation>请求文件 %1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Cannot write the result file %1: %2</source>
        <translation>无法写入结果文件 %1：%2</translation>
    </message>
    <message>
        <source>Internal: read the request that an unprivileged run prepared from the open file descriptor N (used by --elevate: the request never touches a disk).</source>
        <translation>内部使用：从已打开的文件描述符 N 读取非特权运行准备好的请求（供 --elevate 使用：请求从不写入磁盘）。</translation>
    </message>
    <message>
        <source>--request and --request-fd cannot be combined.</source>
        <translation>--request 与 --request-fd 不能同时使用。</translation>
    </message>
    <message>
        <source>--request-fd needs a file descriptor number.</source>
        <translation>--request-fd 需要一个文件描述符编号。</translation>
    </message>
    <message>
        <source>Cannot read the request from descriptor %1.</source>
        <translation>无法从描述符 %1 读取请求。</translation>
    </message>
    <message>
        <source>The request handed over by the unprivileged run is not valid JSON.</source>
        <translation>非特权运行传来的请求不是有效的 JSON。</translation>
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
        <translation>请将部署包复制到服务器，并在服务器上以 root 身份运行“sh install.sh”。部署包中含有私钥：请妥善保管，安装完成后删除。</translation>
    </message>
    <message>
        <source>Do not test the configuration with the server installed here.</source>
        <translation>不使用本机安装的服务器测试配置。</translation>
    </message>
    <message>
        <source>The server program on the target server, as an absolute path; install.sh runs only this one. Default: /usr/sbin/nginx, or /usr/sbin/apache2ctl (apachectl outside Debian).</source>
        <translation>目标服务器上的服务器程序（绝对路径）；install.sh 只运行这一个。默认：/usr/sbin/nginx，或 /usr/sbin/apache2ctl（Debian 以外为 apachectl）。</translation>
    </message>
    <message>
        <source>The server&apos;s main configuration file on the target server, when not the usual one.</source>
        <translation>目标服务器上服务器的主配置文件（不是通常位置时）。</translation>
    </message>
    <message>
        <source>nginx only: the prefix directory (nginx -p) on the target server.</source>
        <translation>仅 nginx：目标服务器上的前缀目录（nginx -p）。</translation>
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
        <source>Print one JSON object: the configuration, the paths it refers to, the findings.</source>
        <translation>输出一个 JSON 对象：包含配置、配置引用的路径以及检查结果。</translation>
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
    <message>
        <source>Do not test the configuration with the installed server.</source>
        <translation>不使用已安装的服务器测试配置。</translation>
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
        <translation>运行“mtls-assistant-cli %1 --help”查看选项。</translation>
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
        <translation>按即时通信 IM 后台的方式测试线上的回调地址（TLS、客户端证书、HTTP）。</translation>
    </message>
    <message>
        <source>The webhook URL, https://host[:port]/path</source>
        <translation>回调 URL，格式为 https://host[:port]/path</translation>
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
    <message>
        <source>Trust this CA for the server&apos;s certificate instead of the system store.</source>
        <translation>用此 CA 验证服务器证书，而不使用系统信任库。</translation>
    </message>
    <message>
        <source>The Chat client CA (TencentQQAuthCA.crt or its .zip) the server must name.</source>
        <translation>服务器必须列出的即时通信 IM 客户端 CA 证书（TencentQQAuthCA.crt 或其 .zip）。</translation>
    </message>
    <message>
        <source>A test client certificate to try as well.</source>
        <translation>额外尝试使用的测试客户端证书。</translation>
    </message>
    <message>
        <source>The unencrypted private key of --client-cert.</source>
        <translation>--client-cert 对应的未加密私钥。</translation>
    </message>
    <message>
        <source>Time limit of the whole probe in seconds (default 10).</source>
        <translation>整个探测的时间限制，单位为秒（默认 10）。</translation>
    </message>
    <message>
        <source>Connect to this address instead of the URL&apos;s host; the name sent (SNI, Host) stays the URL&apos;s, so a server can be tested before DNS points at it.</source>
        <translation>连接到此地址而不是 URL 中的主机；发送的名称（SNI、Host）仍取自 URL，因此可以在 DNS 指向服务器之前进行测试。</translation>
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
        <translation>后续证书链</translation>
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
        <translation>  即时通信 IM 后台所需的一切均已就绪。</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>A label of the probe report followed by its value&apos;s separator, as in &quot;address:&quot;.</extracomment>
        <translation>%1：</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1（剩余 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <source>name matches</source>
        <translation>域名匹配</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RehearseCommand</name>
    <message>
        <source>a wrong Sign</source>
        <translation>错误的 Sign</translation>
    </message>
    <message>
        <source>a RequestTime 2 minutes old</source>
        <translation>2 分钟前的 RequestTime</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>as Chat expects</source>
        <translation>符合要求</translation>
    </message>
    <message>
        <source>turned down, as it should be</source>
        <translation>已被拒绝，符合预期</translation>
    </message>
    <message>
        <source>Rehearsal of the webhook application at %1</source>
        <translation>%1 处回调处理程序的演练</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>The webhook application&apos;s address, as the server configuration proxies to it.</source>
        <translation>回调处理程序的地址，即服务器配置转发到的地址。</translation>
    </message>
    <message>
        <source>The path of the webhook URL (default /im/callback).</source>
        <translation>回调 URL 的路径（默认为 /im/callback）。</translation>
    </message>
    <message>
        <source>The SDKAppID the calls name (default 1400000000).</source>
        <translation>调用中使用的 SDKAppID（默认为 1400000000）。</translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the webhook authentication token: the calls are signed, and a wrong Sign and an old RequestTime must be turned down.</source>
        <translation>保存回调鉴权 token 的环境变量名：调用会带上签名，错误的 Sign 和过旧的 RequestTime 都应被拒绝。</translation>
    </message>
    <message>
        <source>--upstream is required (for example http://127.0.0.1:8080).</source>
        <translation>必须提供 --upstream（例如 http://127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --token-env) is not set.</source>
        <translation>环境变量 %1（由 --token-env 指定）未设置。</translation>
    </message>
    <message>
        <source>The application answers as Chat expects.</source>
        <translation>回调处理程序的应答符合即时通信 IM 后台的要求。</translation>
    </message>
    <message>
        <source>Send the webhook application realistic Chat callbacks on its own address (on this machine, or on a server over SSH) and judge its answers.</source>
        <translation>直接向回调处理程序的地址（在本机上，或通过 SSH 在服务器上）发送逼真的即时通信 IM 回调，并评判应答。</translation>
    </message>
    <message>
        <source>rehearse needs no sudo on the server: leave out --sudo-password-env.</source>
        <translation>rehearse 在服务器上不需要 sudo：请去掉 --sudo-password-env。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RemindCommand</name>
    <message>
        <source>notification raised</source>
        <translation>已发出通知</translation>
    </message>
    <message>
        <source>already said</source>
        <translation>已提醒过</translation>
    </message>
    <message>
        <source>nothing to say</source>
        <translation>无需提醒</translation>
    </message>
    <message>
        <source>Install, remove or run the daily job that reminds you before a certificate expires.</source>
        <translation>安装、删除或运行在证书过期前提醒您的每日任务。</translation>
    </message>
    <message>
        <source>Register the daily job with the system&apos;s scheduler (a systemd user timer on Linux, a Task Scheduler task on Windows, a LaunchAgent on macOS).</source>
        <translation>将每日任务注册到系统的计划程序（Linux 上为 systemd 用户定时器，Windows 上为任务计划程序中的任务，macOS 上为 LaunchAgent）。</translation>
    </message>
    <message>
        <source>Remove the daily job and what it remembered.</source>
        <translation>删除每日任务及其记录的提醒状态。</translation>
    </message>
    <message>
        <source>Check every saved setup now (what the daily job runs): a desktop notification 30, 14 and 7 days before expiry, when the live URL serves another certificate, or when it stops refusing strangers.</source>
        <translation>立即检查每个已保存的部署（即每日任务运行的内容）：在过期前 30、14 和 7 天，在线 URL 提供了其他证书时，或不再拒绝陌生调用方时，发出桌面通知。</translation>
    </message>
    <message>
        <source>With --run: how long to wait for a click on a notification before exiting (default %1).</source>
        <translation>与 --run 一起使用：退出前等待用户单击通知的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>give one of --install, --remove and --run.</source>
        <translation>请给出 --install、--remove 和 --run 之一。</translation>
    </message>
    <message>
        <source>--wait goes with --run.</source>
        <translation>--wait 需与 --run 一起使用。</translation>
    </message>
    <message>
        <source>written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>ran: %1</source>
        <translation>已运行：%1</translation>
    </message>
    <message>
        <source>The daily reminder is installed.</source>
        <translation>每日提醒已安装。</translation>
    </message>
    <message>
        <source>There was no daily reminder to remove.</source>
        <translation>没有可删除的每日提醒。</translation>
    </message>
    <message>
        <source>The daily reminder is removed.</source>
        <translation>每日提醒已删除。</translation>
    </message>
    <message>
        <source>--wait takes a number of seconds from 0 to 86400.</source>
        <translation>--wait 的值为 0 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续期</translation>
    </message>
    <message>
        <source>Run mtls-assistant-cli status to see the certificates&apos; expiry.</source>
        <translation>请运行 mtls-assistant-cli status 查看证书的到期时间。</translation>
    </message>
    <message>
        <source>Open mtls-assistant and choose the renewal.</source>
        <translation>请打开 mtls-assistant 并选择续期。</translation>
    </message>
    <message numerus="yes">
        <source>Waiting up to %n second(s) for a click on the notification.</source>
        <translation>
            <numerusform>最多等待 %n 秒，等待用户单击通知。</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved setup: nothing to check.</source>
        <translation>没有已保存的部署：无需检查。</translation>
    </message>
    <message>
        <source>The renewal of %1 is open in mtls-assistant.</source>
        <translation>已在 mtls-assistant 中打开 %1 的续期向导。</translation>
    </message>
    <message>
        <source>no notification could be shown</source>
        <translation>无法显示通知</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RemoteDeployCommands</name>
    <message>
        <source>--local-root-shell runs the remote executor through a root shell on this machine: run it as root.</source>
        <translation>--local-root-shell 通过本机的 root shell 运行远程执行器：请以 root 身份运行。</translation>
    </message>
    <message>
        <source>Run the remote executor against this machine through a root shell (tests).</source>
        <translation>通过 root shell 在本机运行远程执行器（用于测试）。</translation>
    </message>
    <message>
        <source>On a server over SSH: the assistant&apos;s folder there. Default: %1.</source>
        <translation>通过 SSH 连接服务器时：本助手在服务器上的目录。默认：%1。</translation>
    </message>
    <message>
        <source>On the server: %1 %2 (%3), configuration in %4.</source>
        <translation>服务器上：%1 %2（%3），配置位于 %4。</translation>
    </message>
    <message>
        <source>The test handshake from this machine against %1 passed.</source>
        <translation>从本机对 %1 的测试握手已通过。</translation>
    </message>
    <message>
        <source>The test handshake from this machine against %1 did not pass (DNS may not point at the server yet; install.sh checked the listen address from the server): run &apos;mtls-assistant-cli probe&apos; for the details.</source>
        <translation>从本机对 %1 的测试握手没有通过（DNS 可能尚未指向该服务器；install.sh 已从服务器上检查了监听地址）：请运行“mtls-assistant-cli probe”查看详情。</translation>
    </message>
    <message>
        <source>No change was made on this server over SSH.</source>
        <translation>未曾通过 SSH 在此服务器上做过更改。</translation>
    </message>
    <message>
        <source>warning: the setup could not be saved, so &apos;status&apos; will not list it: %1</source>
        <translation>警告：无法保存该部署，因此 &apos;status&apos; 不会列出它：%1</translation>
    </message>
    <message>
        <source>Merging into the site of %1 on the server (%2).</source>
        <translation>正在合并到服务器上 %1 的站点（%2）。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RemoveCommand</name>
    <message>
        <source>Take out everything apply added for a domain and put back what it replaced, then test and reload the server.</source>
        <translation>移除应用操作为某个域名添加的全部内容，恢复被替换的内容，然后测试并重新加载服务器。</translation>
    </message>
    <message>
        <source>The domain whose setup is removed.</source>
        <translation>要移除部署的域名。</translation>
    </message>
    <message>
        <source>--domain is required.</source>
        <translation>必须提供 --domain。</translation>
    </message>
    <message>
        <source>The server&apos;s files are not yours to write: if the setup was applied as an administrator, run remove again with sudo.</source>
        <translation>您无权写入服务器的文件：如果该部署是以管理员身份应用的，请用 sudo 再次运行 remove。</translation>
    </message>
    <message>
        <source>The setup for %1 is removed and the server reloaded without it.</source>
        <translation>%1 的部署已移除，服务器已重新加载（不再包含该部署）。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::RollbackCommand</name>
    <message>
        <source>Put back what the last apply changed, then test and reload the server.</source>
        <translation>撤销上一次应用操作所做的更改，然后测试并重新加载服务器。</translation>
    </message>
    <message>
        <source>The previous configuration is back and the server reloaded it.</source>
        <translation>已恢复之前的配置，服务器已重新加载该配置。</translation>
    </message>
    <message>
        <source>The server&apos;s files are not yours to write: if the last apply was made as an administrator, run rollback again with --elevate, or with sudo.</source>
        <translation>您无权写入服务器的文件：如果上次应用操作是以管理员身份执行的，请加上 --elevate 或使用 sudo 再次运行 rollback。</translation>
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
            <numerusform>部署有效：没有客户端证书的调用方%1，持有证书的即时通信 IM 后台替身顺利通过（HTTP %2），共有 %n 个请求到达回调处理程序。</numerusform>
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
        <translation>私钥（单独存放在一个文件中时）。</translation>
    </message>
    <message>
        <source>The intermediate certificates, when they are in a file of their own.</source>
        <translation>中间证书（单独存放在一个文件中时）。</translation>
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
        <translation>TLS 安全策略：intermediate（中级，默认）、modern（现代）或 chat-guide（文档示例）。</translation>
    </message>
    <message>
        <source>The server&apos;s version, when it is not this machine&apos;s (Apache before 2.4.8 needs a chain file).</source>
        <translation>服务器版本（不是本机的服务器时；2.4.8 之前的 Apache 需要单独的证书链文件）。</translation>
    </message>
    <message>
        <source>The server&apos;s configuration directory (for example /etc/nginx).</source>
        <translation>服务器的配置目录（例如 /etc/nginx）。</translation>
    </message>
    <message>
        <source>The server&apos;s main configuration file, when not the usual one.</source>
        <translation>服务器的主配置文件（不在通常位置时）。</translation>
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
        <translation>保存应用操作日志和备份的位置。默认：本程序的数据目录。</translation>
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
        <translation>证书材料有错误；未生成或更改任何内容。请用相同的选项运行“mtls-assistant-cli check”查看详情。</translation>
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
    <message>
        <source>Where the server writes the webhook access log (one JSON object a line). Default: the folder of the server&apos;s other logs, file mtls-webhook-DOMAIN.log.</source>
        <translation>服务器写入回调访问日志的位置（每行一个 JSON 对象）。默认：服务器其余日志所在的文件夹，文件名为 mtls-webhook-DOMAIN.log。</translation>
    </message>
    <message>
        <source>--webhook-log must be an absolute path.</source>
        <translation>--webhook-log 必须是绝对路径。</translation>
    </message>
    <message>
        <source>--cert is required, unless the webhook goes into the website that already serves the name with its own certificate (--mode merge).</source>
        <translation>必须提供 --cert，除非回调合并到已使用自己的证书为该域名提供服务的网站中（--mode merge）。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::SshCommandOptions</name>
    <message>
        <source>Act on a server reached over SSH (the system&apos;s ssh, with your ~/.ssh/config and agent) instead of this machine.</source>
        <translation>操作通过 SSH 连接的服务器（使用系统的 ssh，以及您的 ~/.ssh/config 和 agent），而不是本机。</translation>
    </message>
    <message>
        <source>With --ssh: the private key to log in with (ssh -i).</source>
        <translation>与 --ssh 一起使用：登录所用的私钥（ssh -i）。</translation>
    </message>
    <message>
        <source>With --ssh: the known-hosts file that holds the server&apos;s accepted host key. Default: the assistant&apos;s own, in its data folder.</source>
        <translation>与 --ssh 一起使用：保存已接受的服务器主机密钥的 known_hosts 文件。默认：本助手自己的文件，位于其数据文件夹中。</translation>
    </message>
    <message>
        <source>With --ssh: the name of an environment variable that holds the password sudo asks for on the server (read once, then removed from the environment).</source>
        <translation>与 --ssh 一起使用：存放服务器上 sudo 所要密码的环境变量名（只读取一次，随即从环境中删除）。</translation>
    </message>
    <message>
        <source>With --ssh: accept the server&apos;s host key when it is not known yet and has this fingerprint (as ssh-keygen -l prints it); it is then recorded in the known-hosts file. A changed key is never accepted.</source>
        <translation>与 --ssh 一起使用：服务器的主机密钥尚未被认可且指纹与此相同（按 ssh-keygen -l 的输出格式）时接受该密钥，并记录到 known_hosts 文件中。已改变的密钥永远不会被接受。</translation>
    </message>
    <message>
        <source>--%1 is for a server reached over SSH: add --ssh [USER@]HOST[:PORT].</source>
        <translation>--%1 用于通过 SSH 连接的服务器：请加上 --ssh [USER@]HOST[:PORT]。</translation>
    </message>
    <message>
        <source>--ssh [USER@]HOST[:PORT] is required.</source>
        <translation>必须提供 --ssh [USER@]HOST[:PORT]。</translation>
    </message>
    <message>
        <source>--identity: the key file %1 does not exist.</source>
        <translation>--identity：密钥文件 %1 不存在。</translation>
    </message>
    <message>
        <source>--known-hosts needs a file name without double quotes.</source>
        <translation>--known-hosts 需要一个不含双引号的文件名。</translation>
    </message>
    <message>
        <source>--accept-host-key needs a SHA-256 fingerprint as ssh-keygen -l prints it: SHA256: and 43 characters.</source>
        <translation>--accept-host-key 需要 ssh-keygen -l 输出格式的 SHA-256 指纹：SHA256: 加 43 个字符。</translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --sudo-password-env) is not set.</source>
        <translation>未设置环境变量 %1（由 --sudo-password-env 指定）。</translation>
    </message>
    <message>
        <source>the environment variable %1 (named by --sudo-password-env) is empty.</source>
        <translation>环境变量 %1（由 --sudo-password-env 指定）为空。</translation>
    </message>
</context>
<context>
    <name>mtls::cli::StatusCommand</name>
    <message>
        <source>List the saved setups with the days left before their certificates expire.</source>
        <translation>列出部署记录，以及各证书距离过期的剩余天数。</translation>
    </message>
    <message>
        <source>Print one JSON object instead of the list.</source>
        <translation>输出一个 JSON 对象，而不是列表。</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>No saved setup. Run mtls-assistant to set up a webhook server.</source>
        <translation>没有部署记录。请运行 mtls-assistant 配置回调服务器。</translation>
    </message>
    <message numerus="yes">
        <source>%n saved setup(s)</source>
        <translation>
            <numerusform>%n 条部署记录</numerusform>
        </translation>
    </message>
    <message>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message numerus="yes">
        <source>%n setup(s) expire within %1 days or have expired: renew the certificate with mtls-assistant.</source>
        <translation>
            <numerusform>有 %n 个部署的证书将在 %1 天内过期或已过期：请用 mtls-assistant 续期证书。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>已过期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>shares the website at %1:%2 and serves its certificate, which whoever manages the site renews (certbot, the hosting panel)</source>
        <translation>与 %1:%2 中的网站共用，使用该网站的证书，由网站的管理方（certbot、主机面板）续期</translation>
    </message>
    <message numerus="yes">
        <source>The website certificate of %n setup(s) expires within %1 days or has expired: it is renewed by whoever manages the site (certbot, the hosting panel), not by mtls-assistant. Check that its renewal runs.</source>
        <translation>
            <numerusform>%n 个部署共用的网站证书将在 %1 天内过期或已过期：该证书由网站的管理方（certbot、主机面板）续期，而不是由 mtls-assistant 续期。请检查该证书的续期是否正常运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>over SSH: %1</source>
        <translation>通过 SSH：%1</translation>
    </message>
</context>
<context>
    <name>mtls::cli::WatchCommand</name>
    <message>
        <source>no status</source>
        <translation>无状态码</translation>
    </message>
    <message>
        <source>    fix: %1</source>
        <translation>    修复：%1</translation>
    </message>
    <message>
        <source>The webhook access log to follow (instead of the setup&apos;s).</source>
        <translation>要跟踪的回调访问日志（代替该部署的日志）。</translation>
    </message>
    <message>
        <source>nginx or apache: with --domain, follow that setup&apos;s log.</source>
        <translation>nginx 或 apache：与 --domain 一起使用时，跟踪该部署的日志。</translation>
    </message>
    <message>
        <source>The webhook domain of the setup.</source>
        <translation>该部署的回调域名。</translation>
    </message>
    <message>
        <source>Stop after the first call; exit code 0 when it was a verified call answered with HTTP 200.</source>
        <translation>收到第一次调用后停止；如果该调用已通过校验且应答为 HTTP 200，退出码为 0。</translation>
    </message>
    <message>
        <source>Stop after SECONDS (default: never; exit code 1 when no call came).</source>
        <translation>SECONDS 秒后停止（默认：不停止；没有收到调用时退出码为 1）。</translation>
    </message>
    <message>
        <source>Print one JSON object a line for each call.</source>
        <translation>每次调用输出一行 JSON 对象。</translation>
    </message>
    <message>
        <source>give --log FILE, or --server and --domain of the setup.</source>
        <translation>请提供 --log FILE，或提供该部署的 --server 和 --domain。</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds greater than 0.</source>
        <translation>--timeout 必须是大于 0 的秒数。</translation>
    </message>
    <message>
        <source>The folder of the webhook log %1 does not exist.</source>
        <translation>回调访问日志 %1 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>Waiting for calls in %1 (Ctrl-C stops).</source>
        <translation>正在等待 %1 中的调用（按 Ctrl-C 停止）……</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the log were not webhook calls and were skipped.</source>
        <translation>
            <numerusform>日志中有 %n 行不是回调调用，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>No call arrived.</source>
        <translation>没有收到调用。</translation>
    </message>
    <message>
        <source>Apache: the error log of the webhook&apos;s site, where callers refused during the TLS handshake are (default: the one beside the access log, when it exists or the server is Apache).</source>
        <translation>Apache：回调站点的错误日志，在 TLS 握手中被拒绝的调用方只记录在这里（默认：访问日志旁边的错误日志，当该文件存在或服务器是 Apache 时）。</translation>
    </message>
    <message>
        <source>Callers refused during the TLS handshake: %1.</source>
        <translation>在 TLS 握手中被拒绝的调用方：%1。</translation>
    </message>
    <message>
        <source>refused during the TLS handshake</source>
        <translation>在 TLS 握手中被拒绝</translation>
    </message>
    <message>
        <source>Follow the webhook access log on this machine, or on a server over SSH, and judge each call Chat makes as it arrives.</source>
        <translation>跟踪本机上或通过 SSH 在服务器上的回调访问日志，并在即时通信 IM 的每次调用到达时作出判断。</translation>
    </message>
    <message>
        <source>Waiting for calls in %1 on %2 (Ctrl-C stops).</source>
        <translation>正在等待 %2 上 %1 中的调用（按 Ctrl-C 停止）……</translation>
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
        <translation>运行“mtls-assistant-cli &lt;命令&gt; --help”查看某个命令的选项。</translation>
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
        <translation>mtls-assistant-cli：“%1”不是命令。运行“mtls-assistant-cli --help”查看命令列表。</translation>
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
        <translation>“%1”不是有效的域名。请使用即时通信 IM 回调的主机名，例如“webhook.example.com”：由字母、数字和连接符（-）组成，各部分以点分隔。</translation>
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
        <translation>“%1”不是可用的回调处理程序地址。请按 http://HOST:PORT/PATH 的格式提供，例如 http://127.0.0.1:8080/webhook。</translation>
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
    <name>mtls::ui::ApplyPage</name>
    <message>
        <source>Choose an empty folder for the files</source>
        <translation>为这些文件选择一个空文件夹</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Write the files, test the whole configuration and reload %1.</source>
        <translation>写入文件，测试整个配置并重新加载 %1。</translation>
    </message>
    <message>
        <source>To write: %1</source>
        <translation>将写入：%1</translation>
    </message>
    <message>
        <source>Then: test the whole configuration and reload %1.</source>
        <translation>然后：测试整个配置并重新加载 %1。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The files to copy to your server.</source>
        <translation>要复制到您服务器上的文件。</translation>
    </message>
    <message>
        <source>Choose an empty folder. The assistant writes the configuration, the certificate files and a README with the steps for the other machine.</source>
        <translation>请选择一个空文件夹。本助手会写入配置、证书文件，以及一份说明在另一台机器上如何操作的 README。</translation>
    </message>
    <message>
        <source>Backing up, writing, testing and reloading...</source>
        <translation>正在备份、写入、测试并重新加载……</translation>
    </message>
    <message>
        <source>Nothing was changed. Fix the problem shown here and apply again.</source>
        <translation>未做任何更改。请修复此处显示的问题，然后重新应用。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) written. Next, test it like Chat would.</source>
        <translation>
            <numerusform>完成：已写入 %n 个文件。下一步：按即时通信 IM 后台的方式测试握手。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the files...</source>
        <translation>正在写入文件……</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) exported. Follow README.txt on your server.</source>
        <translation>
            <numerusform>完成：已导出 %n 个文件。请在您的服务器上按照 README.txt 操作。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your account cannot write into %1, so %2 will ask for an administrator&apos;s password when you apply.</source>
        <translation>您的账户无法写入 %1，因此应用时 %2 会要求输入管理员密码。</translation>
    </message>
    <message>
        <source>&amp;Apply as administrator...</source>
        <translation>以管理员身份应用(&amp;A)…</translation>
    </message>
    <message>
        <source>Apply the configuration as administrator</source>
        <translation>以管理员身份应用配置</translation>
    </message>
    <message>
        <source>Waiting for the administrator&apos;s password, then backing up, writing, testing and reloading...</source>
        <translation>正在等待管理员密码，然后备份、写入、测试并重新加载……</translation>
    </message>
    <message>
        <source>Your account cannot write into %1, and this system has no way to ask for administrator rights. Start mTLS Assistant as an administrator, or choose &quot;On another machine&quot; on the server page and install the exported files with sudo.</source>
        <translation>您的账户无法写入 %1，而本系统无法请求管理员权限。请以管理员身份启动 mTLS 双向认证助手，或在服务器页面选择“在另一台机器上”，然后用 sudo 安装导出的文件。</translation>
    </message>
    <message>
        <source>Every file that is replaced is backed up first. After the reload the assistant connects to the server as a client would and checks the result. If the server refuses the new configuration or the check fails, everything is put back, and the previous configuration is reloaded and checked too.</source>
        <translation>每个要被替换的文件都会先备份。重新加载后，本助手会像客户端一样连接服务器并检查结果。如果服务器拒绝新配置或检查未通过，所有内容都会还原，之前的配置也会重新加载并接受检查。</translation>
    </message>
    <message>
        <source>Then: check from outside that the webhook name serves the new certificate, asks for a certificate from the Chat client CA and refuses callers without one, and that the other sites on the port are unchanged.</source>
        <translation>然后：从外部检查回调域名是否出示新证书、是否要求出示由即时通信 IM 客户端 CA 签发的证书并拒绝没有证书的调用方，以及该端口上的其他站点是否保持不变。</translation>
    </message>
    <message>
        <source>Every file was put back; the message above says whether the server runs as before. Fix the problem shown here and apply again.</source>
        <translation>所有文件均已还原；上方的消息说明了服务器是否仍按原样运行。请修复此处显示的问题，然后重新应用。</translation>
    </message>
    <message>
        <source>Merge into %1: Chat&apos;s client certificate on %2 only; the site keeps its own certificate.</source>
        <translation>合并到 %1：仅 %2 要求 IM 后台的客户端证书；该网站继续使用自己的证书。</translation>
    </message>
    <message>
        <source>Then: check from outside that the name still serves the site&apos;s own certificate, asks for a certificate from the Chat client CA, refuses the webhook path without one, and answers / as before.</source>
        <translation>然后：从外部检查该域名仍提供网站自己的证书，会要求由即时通信 IM 客户端 CA 证书签发的证书，没有该证书时拒绝访问回调路径，并且 / 的响应与之前相同。</translation>
    </message>
    <message>
        <source>&amp;Reconnect and show the outcome</source>
        <translation>重新连接并查看结果(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;oll back on the server</source>
        <translation>在服务器上回滚(&amp;O)</translation>
    </message>
    <message>
        <source>Apply over SSH</source>
        <translation>通过 SSH 应用</translation>
    </message>
    <message>
        <source>Make the change on %1 and check it there.</source>
        <translation>在 %1 上进行更改，并在该服务器上检查。</translation>
    </message>
    <message>
        <source>The assistant connects to %1, uploads the files into a private folder there and runs install.sh as one job on the server: it backs up every file it replaces, writes the new ones, tests the whole configuration, reloads %2 and checks what the server now serves. If anything fails, it puts every file back. If the connection drops, the job finishes on the server on its own: reconnect to see how it ended.</source>
        <translation>本助手连接到 %1，把文件上传到该服务器上的私有文件夹，并在服务器上以一个任务运行 install.sh：先备份将被替换的每个文件，写入新文件，测试整个配置，重新加载 %2，再检查服务器现在提供的内容。任何一步失败，都会恢复每个文件。如果连接中断，该任务会在服务器上自行完成：重新连接即可查看结果。</translation>
    </message>
    <message>
        <source>&amp;Apply on the server</source>
        <translation>在服务器上应用(&amp;A)</translation>
    </message>
    <message>
        <source>Apply the configuration on the server over SSH</source>
        <translation>通过 SSH 在服务器上应用配置</translation>
    </message>
    <message>
        <source>Then, on the server: check at the listen address that the new certificate is served and a certificate from the Chat client CA is asked for. The test page then checks from this machine.</source>
        <translation>然后在服务器上：在监听地址检查是否提供新证书，并要求即时通信 IM 客户端 CA 证书签发的客户端证书。之后测试页面再从本机检查。</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1……</translation>
    </message>
    <message>
        <source>Connecting to %1 and reading the jobs there...</source>
        <translation>正在连接 %1 并读取该服务器上的任务……</translation>
    </message>
    <message>
        <source>No change for %1 was started on the server: nothing was changed there.</source>
        <translation>服务器上没有为 %1 启动过任何更改：该服务器上没有任何改动。</translation>
    </message>
    <message>
        <source>Rolling back on %1...</source>
        <translation>正在 %1 上回滚……</translation>
    </message>
    <message>
        <source>The connection to %1 dropped while the job ran. The job goes on there and ends fully done or fully put back: reconnect to see which.</source>
        <translation>任务运行期间与 %1 的连接中断了。该任务会在服务器上继续运行，结果要么全部完成，要么全部恢复：重新连接即可查看是哪一种。</translation>
    </message>
    <message>
        <source>Nothing was changed on the server by this step. Fix the problem shown here and try again.</source>
        <translation>这一步没有更改服务器上的任何内容。请修复此处显示的问题后重试。</translation>
    </message>
    <message>
        <source>Done on %1: install.sh made the change and checked it on the server. Next, test it like Chat would.</source>
        <translation>已在 %1 上完成：install.sh 在服务器上完成了更改并进行了检查。下一步，按 IM 后台的方式测试。</translation>
    </message>
    <message>
        <source>Every file was put back on the server, which runs what it ran before. The lines above are install.sh&apos;s own; fix the problem and apply again.</source>
        <translation>服务器上的每个文件都已恢复，服务器运行的是之前的配置。上面几行是 install.sh 自己的输出；请修复问题后再次应用。</translation>
    </message>
    <message>
        <source>Roll back to put the server&apos;s previous configuration back now.</source>
        <translation>请回滚，立即恢复服务器之前的配置。</translation>
    </message>
    <message>
        <source>Apply writes the certificate files into a folder of their own in the server&apos;s configuration (the key readable by the owner only), writes the site file, enables it, runs the server&apos;s configuration test and reloads the server. A journal and backups are kept, so a failed or interrupted apply is put back automatically.

Over SSH, the same happens on the server, run there by install.sh as one job that keeps going if the connection drops; its backups and log stay on the server (/var/lib/mtls-assistant). Reconnect shows how a job ended, and Roll back undoes the change.

Export writes the same files into a folder for you to copy to another machine.</source>
        <translation>应用操作会把证书文件写入服务器配置中的专用文件夹（私钥仅所有者可读），写入站点文件并启用，运行服务器的配置测试，然后重新加载服务器。本助手保留应用操作日志和备份，因此失败或中断的应用操作会被自动恢复。

通过 SSH 时，同样的步骤在服务器上由 install.sh 以一个任务执行，连接中断后该任务会继续运行；备份和日志保留在服务器上（/var/lib/mtls-assistant）。“重新连接”显示任务的结果，“回滚”撤销更改。

导出会把同样的文件写入一个文件夹，供您复制到另一台机器。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::CertificatePathPage</name>
    <message>
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>Where your server&apos;s certificate comes from.</source>
        <translation>您服务器证书的来源。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers check your server&apos;s certificate like a browser does. Either you already have one for the webhook domain from a public certificate authority (with its private key), or you let Chat issue one: set the webhook URL in the Chat console, and download the certificate and key it issues for that domain.</source>
        <translation>即时通信 IM 后台会像浏览器一样检查您服务器的证书。您可以使用已有的、由公共证书颁发机构为回调域名签发的证书（及私钥），也可以让 IM 签发：在 IM 控制台设置回调 URL，然后下载为该域名签发的证书和私钥。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::CertificateText</name>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>已过期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 至 %2（%3）</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>证书：%1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>签发者：%1</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>域名：%1</translation>
    </message>
    <message>
        <source>Valid: %1</source>
        <translation>有效期：%1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ClientCaPage</name>
    <message>
        <source>Chat client CA</source>
        <translation>即时通信 IM 客户端 CA 证书</translation>
    </message>
    <message>
        <source>Only callers with a certificate from this CA will be let through.</source>
        <translation>只有持有该 CA 签发证书的调用方才会被放行。</translation>
    </message>
    <message>
        <source>Drop TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip here, or use Browse.</source>
        <translation>请将 TencentQQAuthCA.crt 或 TencentQQAuthCA.crt.zip 拖放到此处，或点击“浏览”。</translation>
    </message>
    <message>
        <source>Choose Chat&apos;s client CA</source>
        <translation>选择即时通信 IM 的客户端 CA 证书</translation>
    </message>
    <message>
        <source>Client CA (*.crt *.cer *.pem *.zip);;All files (*)</source>
        <translation>客户端 CA 证书 (*.crt *.cer *.pem *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remembered from your last setup.</source>
        <translation>已沿用上次部署时保存的客户端 CA 证书。</translation>
    </message>
    <message>
        <source>Reading the client CA...</source>
        <translation>正在读取客户端 CA 证书……</translation>
    </message>
    <message>
        <source>No CA certificate was found in %1.</source>
        <translation>在 %1 中没有找到 CA 证书。</translation>
    </message>
    <message>
        <source>Import TencentQQAuthCA.crt, or the TencentQQAuthCA.crt.zip it comes in.</source>
        <translation>请导入 TencentQQAuthCA.crt，或包含该文件的 TencentQQAuthCA.crt.zip。</translation>
    </message>
    <message>
        <source>It will be remembered for your next setups.</source>
        <translation>以后部署时会沿用此证书。</translation>
    </message>
    <message>
        <source>When Chat&apos;s servers call your webhook, they present a client certificate issued by Chat&apos;s CA. Your server must demand it and trust only that CA. Chat publishes the CA as TencentQQAuthCA.crt.zip; the assistant cannot ship it, so you import it here once. Compare the SHA-256 fingerprint with the one from Chat before you continue.</source>
        <translation>即时通信 IM 后台调用您的回调时，会出示由 IM 的 CA 签发的客户端证书。您的服务器必须要求出示该证书，并且只信任这个 CA。IM 以 TencentQQAuthCA.crt.zip 的形式发布该 CA 证书；本助手无法内置该证书，因此需要您在此导入一次。继续之前，请将 SHA-256 指纹与 IM 公布的指纹比对。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::EndpointPage</name>
    <message>
        <source>Webhook endpoint</source>
        <translation>回调地址</translation>
    </message>
    <message>
        <source>The address Chat&apos;s servers call.</source>
        <translation>即时通信 IM 后台调用的地址。</translation>
    </message>
    <message>
        <source>Error: Chat calls webhooks over HTTPS; the URL must start with https://.</source>
        <translation>错误：即时通信 IM 通过 HTTPS 发起回调；URL 必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>OK: %1 follows the domain rules.</source>
        <translation>通过：%1 符合域名规则。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Copy the webhook URL from the Chat console (Application configuration &gt; Webhook configuration). The assistant takes the domain from it and checks it against the rules of the Chat guide; the path is where your server passes calls on to your webhook application (other paths answer 404).</source>
        <translation>请从即时通信 IM 控制台复制回调 URL（单击目标应用卡片，在左侧导航栏选择“回调配置”）。本助手会从中提取域名，并按 IM 文档中的规则检查；路径是您的服务器将回调请求转发给回调处理程序的路径（其他路径返回 404）。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ErrorPanel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>显示技术详情</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技术详情</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
</context>
<context>
    <name>mtls::ui::FileDropArea</name>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Browse for files</source>
        <translation>浏览文件</translation>
    </message>
</context>
<context>
    <name>mtls::ui::FindingsView</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation>修复建议：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A finding: its severity, then its message (&quot;Error: The key does not fit.&quot;).</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>mtls::ui::FinishPage</name>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML 报告 (*.html);;PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>The certificate of %1 is renewed.</source>
        <translation>%1 的证书已续期。</translation>
    </message>
    <message>
        <source>Two-way TLS for %1 is set up.</source>
        <translation>%1 的双向认证已配置完成。</translation>
    </message>
    <message>
        <source>Saving the setup...</source>
        <translation>正在保存部署记录……</translation>
    </message>
    <message>
        <source>The setup is saved: the assistant will remind you before the certificate expires.</source>
        <translation>部署已保存：证书过期前本助手会提醒您。</translation>
    </message>
    <message>
        <source>The setup could not be saved: %1</source>
        <translation>无法保存部署：%1</translation>
    </message>
    <message>
        <source>mTLS Assistant report for %1</source>
        <translation>mTLS 双向认证助手报告：%1</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>回调 URL</translation>
    </message>
    <message>
        <source>Certificate from</source>
        <translation>证书来源</translation>
    </message>
    <message>
        <source>Chat (downloaded from the console)</source>
        <translation>即时通信 IM（从控制台下载）</translation>
    </message>
    <message>
        <source>A certificate authority</source>
        <translation>证书颁发机构</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Another machine (exported)</source>
        <translation>另一台机器（已导出）</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Webhook application</source>
        <translation>回调处理程序</translation>
    </message>
    <message>
        <source>TLS profile</source>
        <translation>TLS 安全策略</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Chat client CA</source>
        <translation>即时通信 IM 客户端 CA 证书</translation>
    </message>
    <message>
        <source>Client CA SHA-256</source>
        <translation>客户端 CA 证书 SHA-256</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Test handshake</source>
        <translation>测试握手</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>did not pass</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>TLS version</source>
        <translation>TLS 版本</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>This report holds no passphrase and no key material.</source>
        <translation>本报告不包含任何密码和私钥数据。</translation>
    </message>
    <message>
        <source>mTLS Assistant report</source>
        <translation>mTLS 双向认证助手报告</translation>
    </message>
    <message>
        <source>The report cannot be saved.</source>
        <translation>无法保存报告。</translation>
    </message>
    <message>
        <source>The report sums up what was set up: domain, server, files, certificate fingerprints and the test result. It never holds a passphrase or key. The setup is saved (without secrets) so the assistant and `mtls-assistant-cli status` can warn you 30 days before the certificate expires, and so the renewal wizard can replace it.</source>
        <translation>报告汇总了本次部署的内容：域名、服务器、文件、证书指纹和测试结果，绝不包含密码或私钥。部署会被保存（不含任何机密信息），以便本助手和 `mtls-assistant-cli status` 在证书过期前 30 天提醒您，续期向导也能据此替换证书。</translation>
    </message>
    <message>
        <source>Saving the report...</source>
        <translation>正在保存报告……</translation>
    </message>
    <message>
        <source>The report is saved as %1.</source>
        <translation>报告已保存为 %1。</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部署位置</translation>
    </message>
    <message>
        <source>Set up as</source>
        <translation>部署方式</translation>
    </message>
    <message>
        <source>Merge into %1: Chat&apos;s client certificate on %2 only, the site keeps its own certificate</source>
        <translation>合并到 %1：仅 %2 要求 IM 后台的客户端证书，该网站继续使用自己的证书</translation>
    </message>
    <message>
        <source>A dedicated site: %1</source>
        <translation>独立站点：%1</translation>
    </message>
    <message>
        <source>Installing the daily reminder...</source>
        <translation>正在安装每日提醒……</translation>
    </message>
    <message>
        <source>The daily reminder is installed: you get a desktop notification 30, 14 and 7 days before the certificate expires, and when the live URL changes. Remove it with &quot;mtls-assistant-cli remind --remove&quot;.</source>
        <translation>每日提醒已安装：在证书过期前 30、14 和 7 天，以及在线 URL 发生变化时，您会收到桌面通知。可用“mtls-assistant-cli remind --remove”删除该提醒。</translation>
    </message>
    <message>
        <source>Chat&apos;s client CA and the merge into the website are applied again for %1.</source>
        <translation>已为 %1 重新应用即时通信 IM 客户端 CA 证书和网站中的合并。</translation>
    </message>
    <message>
        <source>The setup is saved. The website keeps its own certificate, which whoever manages the site renews (certbot, the hosting panel); the assistant warns you if it comes close to expiry.</source>
        <translation>部署已保存。网站继续使用自己的证书，由网站的管理方（certbot、主机面板）续期；证书临近过期时，本助手会提醒您。</translation>
    </message>
    <message>
        <source>The website&apos;s own (renewed by whoever manages the site)</source>
        <translation>网站自己的证书（由网站的管理方续期）</translation>
    </message>
    <message>
        <source>%1, over SSH</source>
        <translation>%1（通过 SSH）</translation>
    </message>
</context>
<context>
    <name>mtls::ui::FirstCallPage</name>
    <message>
        <source>Waiting for Chat&apos;s first call</source>
        <translation>等待即时通信 IM 的第一次回调</translation>
    </message>
    <message>
        <source>Each call Chat makes to the webhook appears here as it arrives, with what it shows.</source>
        <translation>即时通信 IM 后台每次调用回调，都会在到达时显示在这里，并附上判断结果。</translation>
    </message>
    <message>
        <source>The test handshake cannot show how the application answers: only Chat holds its client key. The rehearsal sends the application the calls Chat makes, on its own address, and judges the answers as Chat does.</source>
        <translation>测试握手无法说明回调处理程序如何应答：只有即时通信 IM 后台持有客户端私钥。演练直接向回调处理程序自己的地址发送 IM 后台会发送的回调，并按 IM 后台的方式判断应答。</translation>
    </message>
    <message>
        <source>Now let Chat call. In the Chat console, open the callback configuration, set the callback URL to %1 and switch on HTTPS mutual authentication for it. Then make something happen that Chat reports, such as a test user logging in or sending a message. Each call appears below within a second. You can go on at any time.</source>
        <translation>现在让即时通信 IM 发起回调。在即时通信 IM 控制台，单击目标应用卡片，在左侧导航栏选择“回调配置”，将回调 URL 设为 %1，并为该地址开启 HTTPS 双向认证。然后触发一个 IM 会回调的事件，例如让测试用户登录或发送一条消息。每次回调都会在一秒内显示在下方。您随时可以继续下一步。</translation>
    </message>
    <message>
        <source>Rehearse the webhook application at %1</source>
        <translation>演练 %1 处的回调处理程序</translation>
    </message>
    <message>
        <source>The configuration goes to another machine. Once it is installed there, run this on that machine to see each call Chat makes, judged as it arrives:
%1</source>
        <translation>该配置将部署到另一台机器。在那台机器上安装后，运行以下命令，即可在每次即时通信 IM 回调到达时看到对该回调的判断：
%1</translation>
    </message>
    <message>
        <source>Following the webhook log %1.</source>
        <translation>正在跟踪回调日志 %1。</translation>
    </message>
    <message>
        <source>Callers refused during the TLS handshake are read from %1.</source>
        <translation>在 TLS 握手中被拒绝的调用方从 %1 读取。</translation>
    </message>
    <message>
        <source>You may not read it: run &quot;%1&quot; in a terminal instead.</source>
        <translation>您可能无权读取该日志：请改为在终端中运行“%1”。</translation>
    </message>
    <message>
        <source>No call yet.</source>
        <translation>尚无回调。</translation>
    </message>
    <message>
        <source>refused during the TLS handshake</source>
        <translation>在 TLS 握手中被拒绝</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) so far. The last one was a verified Chat call answered in time: the webhook works.</source>
        <translation>
            <numerusform>目前共 %n 次回调。最近一次是经过验证的即时通信 IM 回调，并已及时应答：回调工作正常。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) so far. The last one failed: follow the fix under it.</source>
        <translation>
            <numerusform>目前共 %n 次回调。最近一次失败：请按该回调下方的修复建议处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>The token could not be kept in %1: %2</source>
        <translation>无法将 token 保存到%1：%2</translation>
    </message>
    <message>
        <source>Sending Chat&apos;s calls to the application.</source>
        <translation>正在向回调处理程序发送即时通信 IM 后台的回调……</translation>
    </message>
    <message>
        <source>The rehearsal could not run: %1</source>
        <translation>演练无法运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>The application answered all %n call(s) as Chat expects.</source>
        <translation>
            <numerusform>回调处理程序对全部 %n 次回调的应答均符合即时通信 IM 后台的要求。</numerusform>
        </translation>
    </message>
    <message>
        <source>The application did not answer as Chat expects: read the findings below.</source>
        <translation>回调处理程序的应答不符合即时通信 IM 后台的要求：请查看下方的检查结果。</translation>
    </message>
    <message>
        <source>Chat calls the webhook only after HTTPS mutual authentication is switched on for the callback URL in the Chat console. Each call is judged by what the server wrote in its log: a verified call answered with HTTP 200 within 2 seconds means the webhook works. A call without a client certificate usually means mutual authentication is still off in the console, or that TLS ends at a load balancer in front of this server.

The rehearsal calls the webhook application directly, as the server passes Chat&apos;s calls on. With the webhook token it also checks that the application refuses a wrong signature and an old request. The token is kept in the system keychain.

The same is on the command line: mtls-assistant-cli watch and mtls-assistant-cli rehearse.</source>
        <translation>只有在即时通信 IM 控制台为回调 URL 开启 HTTPS 双向认证后，IM 后台才会调用回调。每次回调都根据服务器写入日志的内容来判断：经过验证、并在 2 秒内以 HTTP 200 应答的回调，说明回调工作正常。没有客户端证书的回调通常说明控制台中的双向认证尚未开启，或者 TLS 在本服务器前面的负载均衡器上终止。

演练像服务器转发 IM 后台的回调那样，直接调用回调处理程序。提供回调鉴权 token 时，还会检查回调处理程序是否拒绝错误的签名和过期的请求。token 保存在系统钥匙串中。

命令行中也有同样的功能：mtls-assistant-cli watch 和 mtls-assistant-cli rehearse。</translation>
    </message>
    <message>
        <source>How to fix: %1</source>
        <translation>修复建议：%1</translation>
    </message>
    <message>
        <source>The configuration is on %1. To see each call Chat makes there, judged as it arrives, run this in a terminal on this machine:
%2</source>
        <translation>配置位于 %1。要查看 IM 后台对该服务器的每次调用并在调用到达时判断结果，请在本机的终端中运行：
%2</translation>
    </message>
    <message>
        <source>Following the webhook log %1 on %2.</source>
        <translation>正在跟踪 %2 上的回调日志 %1。</translation>
    </message>
    <message>
        <source>Connecting to %1 to follow the webhook log there...</source>
        <translation>正在连接 %1，以跟踪该服务器上的回调日志……</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ImportPage</name>
    <message>
        <source>Import the certificate</source>
        <translation>导入证书</translation>
    </message>
    <message>
        <source>Choose the certificate files or the downloaded package</source>
        <translation>选择证书文件或下载的证书包</translation>
    </message>
    <message>
        <source>Certificates and keys (*.zip *.pem *.crt *.cer *.der *.key *.pfx *.p12 *.p7b);;All files (*)</source>
        <translation>证书和私钥 (*.zip *.pem *.crt *.cer *.der *.key *.pfx *.p12 *.p7b);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The package Chat issued for %1.</source>
        <translation>即时通信 IM 为 %1 签发的证书包。</translation>
    </message>
    <message>
        <source>Drop the .zip package you downloaded from the Chat console here, or browse for it. Separate certificate and key files work too.</source>
        <translation>请将从即时通信 IM 控制台下载的 .zip 证书包拖放到此处，或点击“浏览”选择。也可以使用单独的证书和私钥文件。</translation>
    </message>
    <message>
        <source>The certificate for %1 from your certificate authority.</source>
        <translation>证书颁发机构为 %1 签发的证书。</translation>
    </message>
    <message>
        <source>Drop the certificate, its intermediate certificates and its private key here (separate files, one .pfx/.p12, or the .zip you downloaded), or browse for them. The assistant finds out which file holds what.</source>
        <translation>请将证书、证书的中间证书和私钥拖放到此处（单独的文件、一个 .pfx/.p12 文件，或您下载的 .zip 证书包），或点击“浏览”选择。本助手会自动识别各文件中的内容。</translation>
    </message>
    <message>
        <source>It must cover %1, like the certificate in use.</source>
        <translation>新证书必须和当前使用的证书一样适用于 %1。</translation>
    </message>
    <message>
        <source>Drop files here, or use Browse.</source>
        <translation>请将文件拖放到此处，或点击“浏览”。</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Reading and checking the certificate...</source>
        <translation>正在读取并检查证书……</translation>
    </message>
    <message>
        <source>Looking for the passphrase in %1...</source>
        <translation>正在从%1中查找密码……</translation>
    </message>
    <message>
        <source>The passphrase does not fit: try again</source>
        <translation>密码不正确：请重试</translation>
    </message>
    <message>
        <source>This file is protected by a passphrase</source>
        <translation>此文件受密码保护</translation>
    </message>
    <message>
        <source>The passphrase remembered in the keychain no longer fits.</source>
        <translation>钥匙串中保存的密码已不再正确。</translation>
    </message>
    <message>
        <source>Private key: found in %1</source>
        <translation>私钥：位于 %1</translation>
    </message>
    <message numerus="yes">
        <source>Intermediate certificates: %n</source>
        <translation>
            <numerusform>中间证书：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>OK: no problem found.</source>
        <translation>通过：未发现问题。</translation>
    </message>
    <message>
        <source>OK: no error found. Read the notes below.</source>
        <translation>通过：未发现错误。请阅读下方的提示。</translation>
    </message>
    <message>
        <source>Saving the passphrase in %1...</source>
        <translation>正在将密码保存到%1……</translation>
    </message>
    <message>
        <source>The passphrase is remembered in the system keychain.</source>
        <translation>密码已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>The assistant reads PEM, DER, PKCS#12 (.pfx/.p12), PKCS#7 and zip packages as downloaded from Tencent Cloud SSL or the Chat console, whatever the files are called. It picks the certificate for your domain, its intermediate certificates and the matching private key, and checks them: dates, names, chain, key. Errors must be fixed before you go on; each one says how.

Passphrases are never written to a file. If you tick &quot;Remember&quot;, the passphrase is kept in the system keychain; where there is none, you are asked again next time.</source>
        <translation>本助手可以读取从腾讯云 SSL 证书或即时通信 IM 控制台下载的 PEM、DER、PKCS#12（.pfx/.p12）、PKCS#7 文件和 zip 证书包，无论文件叫什么名字。本助手会挑选出您域名的证书、该证书的中间证书以及匹配的私钥，并进行检查：有效期、域名、证书链和私钥。必须先修复错误才能继续；每个错误都附有修复方法。

密码绝不会写入文件。如果勾选“保存到系统钥匙串”，密码会保存在系统钥匙串中；如果没有系统钥匙串，下次会再次询问您。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::MainWizard</name>
    <message>
        <source>mTLS Assistant</source>
        <translation>mTLS 双向认证助手</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>帮助：%1</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ModePicture</name>
    <message>
        <source>Browsers</source>
        <translation>浏览器</translation>
    </message>
    <message>
        <source>not asked for a certificate</source>
        <translation>不要求证书</translation>
    </message>
    <message>
        <source>Chat&apos;s servers</source>
        <translation>即时通信 IM 后台</translation>
    </message>
    <message>
        <source>Chat&apos;s certificate required</source>
        <translation>要求 IM 后台的客户端证书</translation>
    </message>
    <message>
        <source>refused without Chat&apos;s certificate</source>
        <translation>没有 IM 后台的客户端证书即拒绝</translation>
    </message>
    <message>
        <source>%1 calling %2: %3</source>
        <translation>%1 访问 %2：%3</translation>
    </message>
    <message>
        <source>Who is asked for a certificate with merge</source>
        <translation>合并时哪些访问者需要提供证书</translation>
    </message>
    <message>
        <source>Who is asked for a certificate with a dedicated name</source>
        <translation>使用独立域名时哪些访问者需要提供证书</translation>
    </message>
</context>
<context>
    <name>mtls::ui::RenewComparePage</name>
    <message>
        <source>Old and new certificate</source>
        <translation>新旧证书对比</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新证书</translation>
    </message>
    <message>
        <source>Renewing %1.</source>
        <translation>正在为 %1 续期。</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Error: this is the certificate already in use. Import the new one.</source>
        <translation>错误：这是当前正在使用的证书。请导入新证书。</translation>
    </message>
    <message>
        <source>Warning: the new certificate does not last longer than the one in use.</source>
        <translation>警告：新证书的有效期并不比当前使用的证书长。</translation>
    </message>
    <message>
        <source>OK: the new certificate covers %1, fits its key, and lasts until %2.</source>
        <translation>通过：新证书适用于 %1，与私钥匹配，有效期至 %2。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Check that the new certificate is the one you expect: the same domain, a later expiry date, and a different fingerprint from the one in use. The next pages re-check Chat&apos;s client CA, show the configuration and apply it with a backup.</source>
        <translation>请确认新证书符合预期：域名相同、到期时间更晚，且指纹与当前使用的证书不同。接下来的页面会重新检查即时通信 IM 客户端 CA 证书、显示配置，并在备份后应用。</translation>
    </message>
    <message>
        <source>The website&apos;s certificate</source>
        <translation>网站的证书</translation>
    </message>
    <message>
        <source>The certificate the website serves now, as its file holds it.</source>
        <translation>网站当前使用的证书，即证书文件中现有的证书。</translation>
    </message>
    <message>
        <source>The certificate the website serves now</source>
        <translation>网站当前使用的证书</translation>
    </message>
    <message>
        <source>Served by the website now</source>
        <translation>网站当前使用的证书</translation>
    </message>
    <message>
        <source>%1 shares the website at %2:%3, which keeps its own certificate: whoever manages the site renews it (certbot, the hosting panel), so there is nothing to import here. The next pages check Chat&apos;s client CA again and apply the merge again; when the site&apos;s file has the lines already, it stays as it is.</source>
        <translation>%1 与 %2:%3 中的网站共用，该网站继续使用自己的证书，由网站的管理方（certbot、主机面板）续期，因此这里无需导入证书。接下来的页面会重新检查即时通信 IM 客户端 CA 证书，并重新应用合并；如果网站的文件中已有这些行，该文件保持不变。</translation>
    </message>
    <message>
        <source>This setup was applied over SSH to %1: the assistant connects there again to install the new certificate.</source>
        <translation>该部署是通过 SSH 应用到 %1 的：本助手会再次连接该服务器，安装新证书。</translation>
    </message>
    <message>
        <source>The certificate the website served when the setup was saved (its file is on the server).</source>
        <translation>保存部署记录时网站使用的证书（证书文件在服务器上）。</translation>
    </message>
    <message>
        <source>This setup was applied over SSH to %1: the assistant connects there again to read the site&apos;s file and apply the merge again.</source>
        <translation>该部署是通过 SSH 应用到 %1 的：本助手会再次连接该服务器，读取站点的配置文件并再次应用合并。</translation>
    </message>
    <message>
        <source>Served by the website when saved</source>
        <translation>保存时网站使用的证书</translation>
    </message>
</context>
<context>
    <name>mtls::ui::RenewSelectPage</name>
    <message>
        <source>Renew a certificate</source>
        <translation>续期证书</translation>
    </message>
    <message>
        <source>Replace the certificate of a saved setup.</source>
        <translation>替换已保存部署中的证书。</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Certificate in use: %1, SHA-256 %2</source>
        <translation>当前使用的证书：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>another machine</source>
        <translation>另一台机器</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Certificates expire; Chat&apos;s calls fail when yours has. Pick the setup to renew, import the new certificate (from your certificate authority or downloaded again from the Chat console), compare it with the one in use, and apply it: the old files are backed up and put back if anything fails.</source>
        <translation>证书会过期；您的证书一旦过期，即时通信 IM 的回调就会失败。请选择要续期的部署，导入新证书（来自证书颁发机构，或从控制台重新下载），与当前使用的证书对比，然后应用：旧文件会先备份，如有任何失败都会还原。</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部署位置</translation>
    </message>
    <message>
        <source>Shares the website at %1:%2, which serves its own certificate (%3, valid until %4): whoever manages the site renews it (certbot, the hosting panel). Renewing here checks Chat&apos;s client CA again and applies the merge again.</source>
        <translation>与 %1:%2 中的网站共用，该网站使用自己的证书（%3，有效期至 %4），由网站的管理方（certbot、主机面板）续期。在此续期会重新检查即时通信 IM 客户端 CA 证书，并重新应用合并。</translation>
    </message>
    <message>
        <source>%1, over SSH</source>
        <translation>%1（通过 SSH）</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>确认配置</translation>
    </message>
    <message>
        <source>The configuration the assistant will write, tested with your server&apos;s own program.</source>
        <translation>本助手将写入的配置，已用您服务器自身的程序测试过。</translation>
    </message>
    <message>
        <source>%1 on this machine will answer %2 and demand Chat&apos;s client certificate.</source>
        <translation>本机上的 %1 将响应 %2，并要求出示即时通信 IM 的客户端证书。</translation>
    </message>
    <message>
        <source>Files for %1 on another machine, answering %2 with Chat&apos;s client certificate required.</source>
        <translation>用于另一台机器上 %1 的文件：响应 %2，并要求出示即时通信 IM 的客户端证书。</translation>
    </message>
    <message>
        <source>Files that will be written (existing ones are backed up first):</source>
        <translation>将要写入的文件（已有文件会先备份）：</translation>
    </message>
    <message>
        <source>Files that will be exported (the paths they are meant for):</source>
        <translation>将要导出的文件（及其目标路径）：</translation>
    </message>
    <message>
        <source>Testing the configuration with %1...</source>
        <translation>正在用 %1 测试配置……</translation>
    </message>
    <message>
        <source>OK: %1 accepts this configuration.</source>
        <translation>通过：%1 接受此配置。</translation>
    </message>
    <message>
        <source>The configuration test did not pass.</source>
        <translation>配置测试未通过。</translation>
    </message>
    <message>
        <source>This is the whole site configuration: your certificate and key, Chat&apos;s client CA with client certificates required, the TLS profile, and the path passed on to your webhook application. The assistant tests it with the real nginx or apache2 program on a private copy before anything is written; a failed test shows the server&apos;s own message under &quot;Show details&quot;.</source>
        <translation>这是完整的站点配置：您的证书和私钥、即时通信 IM 客户端 CA 证书（要求出示客户端证书）、TLS 安全策略，以及转发给回调处理程序的路径。在写入任何内容之前，本助手会用真实的 nginx 或 apache2 程序在一份私有副本上测试该配置；如果测试失败，可在“显示详情”中查看服务器自身的报错信息。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>The lines the assistant will add to your site&apos;s file.</source>
        <translation>本助手将在您网站的配置文件中添加的行。</translation>
    </message>
    <message>
        <source># %1 has these lines already: nothing to add.</source>
        <translation># %1 已包含这些行，无需添加。</translation>
    </message>
    <message>
        <source>Lines added to %1</source>
        <translation>添加到 %1 的行</translation>
    </message>
    <message>
        <source>Merge into %1: %2 keeps serving %3 with the site&apos;s own certificate and demands Chat&apos;s client certificate on %4 only. The lines added (+):</source>
        <translation>合并到 %1：%2 继续使用该网站自己的证书提供 %3，仅 %4 要求 IM 后台的客户端证书。添加的行（+）：</translation>
    </message>
    <message>
        <source>When you apply, %1 tests the whole configuration with this edit before the reload; if the test fails, the file is put back.</source>
        <translation>应用配置时，%1 会在重新加载前测试包含此修改的完整配置；如果测试未通过，该文件会被还原。</translation>
    </message>
    <message>
        <source>Generated configuration</source>
        <translation>生成的配置</translation>
    </message>
    <message>
        <source>%1 on %2 will answer %3 and demand Chat&apos;s client certificate.</source>
        <translation>%2 上的 %1 将响应 %3，并要求 IM 后台的客户端证书。</translation>
    </message>
    <message>
        <source>Files that will be written on the server (existing ones are backed up first):</source>
        <translation>将在服务器上写入的文件（已有文件会先备份）：</translation>
    </message>
    <message>
        <source>When you apply, install.sh tests the whole configuration on the server with %1&apos;s own program before the reload; if the test fails, every file is put back.</source>
        <translation>应用时，install.sh 会在重新加载之前，在服务器上用 %1 自己的程序测试整个配置；测试失败时，每个文件都会恢复。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::SandboxPage</name>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>The whole setup on this computer, with throwaway certificates.</source>
        <translation>使用一次性证书，在本机演示完整的部署。</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>The sandbox could not run.</source>
        <translation>沙盒无法运行。</translation>
    </message>
    <message numerus="yes">
        <source>It works: %1 refused the caller without a client certificate and passed the one with Chat&apos;s kind of certificate on to the webhook application (%n request(s) reached it).</source>
        <translation>
            <numerusform>部署有效：%1 拒绝了没有客户端证书的调用方，并把持有模拟 IM 后台证书的调用方转发给了回调处理程序（共有 %n 个请求到达）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The sandbox found a problem: read the findings below.</source>
        <translation>沙盒发现了问题：请查看下方的检查结果。</translation>
    </message>
    <message>
        <source>The sandbox needs nginx or apache2 installed (it does not need them running). It starts its own copy on a free port of 127.0.0.1 under a temporary folder, never touches your configuration, and removes everything when it is done.</source>
        <translation>沙盒需要安装 nginx 或 apache2（无需运行）。沙盒会在临时文件夹中、127.0.0.1 的空闲端口上启动自己的实例，绝不改动您的配置，完成后会删除所有内容。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::ServerPage</name>
    <message>
        <source>Web server</source>
        <translation>Web 服务器</translation>
    </message>
    <message>
        <source>Which server receives Chat&apos;s calls, and where it passes them on.</source>
        <translation>由哪个服务器接收即时通信 IM 的回调请求，以及转发到哪里。</translation>
    </message>
    <message>
        <source>Intermediate: TLS 1.2 and 1.3 (recommended)</source>
        <translation>中级：TLS 1.2 和 1.3（推荐）</translation>
    </message>
    <message>
        <source>Modern: TLS 1.3 only</source>
        <translation>现代：仅 TLS 1.3</translation>
    </message>
    <message>
        <source>Looking for %1 on this machine...</source>
        <translation>正在本机上查找 %1……</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>版本未知</translation>
    </message>
    <message>
        <source>Found %1 %2 on this machine, configuration in %3.</source>
        <translation>在本机上找到 %1 %2，配置位于 %3。</translation>
    </message>
    <message>
        <source>%1 was not found on this machine: %2 Choose &quot;another machine&quot; to export the files, or give the configuration folder.</source>
        <translation>本机上没有找到 %1：%2请选择“在另一台机器上”以导出文件，或指定配置文件夹。</translation>
    </message>
    <message>
        <source>Error: &quot;%1&quot; is not an address and port to listen on (for example 443, 0.0.0.0:443 or [::]:443).</source>
        <translation>错误：“%1”不是有效的监听地址和端口（例如 443、0.0.0.0:443 或 [::]:443）。</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Error: no %1 to configure on this machine.</source>
        <translation>错误：本机上没有可配置的 %1。</translation>
    </message>
    <message>
        <source>The Chat guide&apos;s sample: TLS 1.0 and 1.1 (not recommended)</source>
        <translation>文档示例：TLS 1.0 和 1.1（不推荐）</translation>
    </message>
    <message>
        <source>Browsers are not asked for a certificate: they hold none from Chat&apos;s CA. A client that presents a certificate that fails verification is refused on every path of the site.</source>
        <translation>浏览器不会被要求提供证书：浏览器没有由即时通信 IM 的 CA 签发的证书。客户端如果提供了未通过验证的证书，访问该网站的任何路径都会被拒绝。</translation>
    </message>
    <message>
        <source>Recommended when you can add a DNS name: the webhook gets a site of its own, and the website stays exactly as it is. Requiring a client certificate for a whole name is only right for a name that serves nothing else, so go back to the webhook page and enter that name (for example im-callback.example.com).</source>
        <translation>如果您可以添加 DNS 域名，建议选择此项：回调使用单独的站点，网站保持原样。只有不提供其他服务的域名才适合对整个域名要求客户端证书，因此请返回回调地址页面，输入该域名（例如 im-callback.example.com）。</translation>
    </message>
    <message>
        <source>Choose how the webhook shares %1 with the website: merge or a dedicated name.</source>
        <translation>请选择回调与网站共用 %1 的方式：合并或独立域名。</translation>
    </message>
    <message>
        <source>Its certificate: %1, issued by %2, valid until %3 (%4).</source>
        <translation>该网站的证书：%1，由 %2 签发，有效期至 %3（%4）。</translation>
    </message>
    <message>
        <source>Its certificate %1 cannot be read: %2</source>
        <translation>无法读取该网站的证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 already answers %2 on this port: the site at %3 (server name %4).</source>
        <translation>%1 已在此端口上响应 %2：位于 %3 的站点（server_name %4）。</translation>
    </message>
    <message>
        <source>It serves no certificate of its own.</source>
        <translation>该网站没有自己的证书。</translation>
    </message>
    <message>
        <source>Give the webhook another path (Back, on the webhook page), or tick &quot;%1&quot; on this page: the assistant then replaces that location with the webhook&apos;s, and rollback puts it back.</source>
        <translation>请为回调换一个路径（单击“上一步”回到回调地址页面），或勾选本页的“%1”：本助手会用回调的 location 替换该 location，回滚时会将其恢复。</translation>
    </message>
    <message>
        <source>The assistant looks for Nginx and Apache on this machine and writes its configuration where that installation reads it, with a backup. If your server is another machine you reach with SSH, choose &quot;over SSH&quot;: the assistant logs in with your SSH settings and keys, checks the server&apos;s host key with you the first time, and makes the change on the server as one job that finishes even if the connection drops. If the desktop cannot reach the server, choose &quot;export the files&quot;: you get the files to copy there.

Listen: the address and port Chat calls (443 unless your webhook URL names another port). Webhook application: where your server passes verified calls on.

When a website already answers the webhook&apos;s name on that port, choose how to share it. Merge adds client certificates for the webhook path only to that site, which keeps its own certificate: browsers are not asked. Dedicated gives the webhook a name of its own, for which the whole name requires Chat&apos;s certificate; it is the better choice when you can add a DNS name.

The Chat guide&apos;s samples list TLS 1.0 and 1.1. Those versions are deprecated and current servers refuse them anyway; keep the recommended profile unless you know you need the guide&apos;s line.</source>
        <translation>本助手在本机上查找 Nginx 和 Apache，并把配置写到该安装读取的位置，同时备份。如果您的服务器是另一台可以通过 SSH 登录的机器，请选择“通过 SSH”：本助手使用您的 SSH 设置和密钥登录，第一次连接时与您一起核对服务器的主机密钥，并在服务器上以一个任务完成更改，即使连接中断也会完成。如果本机无法连接到服务器，请选择“导出文件”：您会得到可复制到该服务器的文件。

监听：IM 后台调用的地址和端口（除非回调 URL 指定了其他端口，否则为 443）。回调处理程序：服务器把通过验证的调用转发到的地址。

如果已有网站在该端口上响应回调的域名，请选择共用方式。合并只为该网站的回调路径添加客户端证书验证，网站保留自己的证书，浏览器不会被要求出示证书。专用则为回调使用单独的域名，整个域名都要求 IM 后台的证书；如果可以添加 DNS 域名，这是更好的选择。

即时通信 IM 文档的示例列出了 TLS 1.0 和 1.1。这些版本已被弃用，当前的服务器也会拒绝它们；除非确实需要文档中的那一行，请保留推荐的安全策略。</translation>
    </message>
    <message>
        <source>Error: the site on the server already answers %1 on this port. A dedicated site needs a name of its own: go back and change the name, or choose merge.</source>
        <translation>错误：服务器上的站点已在此端口上响应 %1。独立站点需要独立的域名：请返回修改域名，或选择合并。</translation>
    </message>
    <message>
        <source>%1 on the server already answers %2 on this port: the site at %3 (server name %4).</source>
        <translation>服务器上的 %1 已在此端口上响应 %2：位于 %3 的站点（server_name %4）。</translation>
    </message>
    <message>
        <source>The webhook&apos;s name or the listen address changed since the server was read: connect again.</source>
        <translation>读取服务器之后回调域名或监听地址已更改：请重新连接。</translation>
    </message>
</context>
<context>
    <name>mtls::ui::SshConnectPanel</name>
    <message>
        <source>server.example.com or 203.0.113.10</source>
        <translation>server.example.com 或 203.0.113.10</translation>
    </message>
    <message>
        <source>SSH server</source>
        <translation>SSH 服务器</translation>
    </message>
    <message>
        <source>as in your SSH settings (root, or a user with sudo)</source>
        <translation>与您的 SSH 设置相同（root，或有 sudo 权限的用户）</translation>
    </message>
    <message>
        <source>SSH user</source>
        <translation>SSH 用户</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>your SSH agent and keys</source>
        <translation>您的 SSH 代理和密钥</translation>
    </message>
    <message>
        <source>SSH private key file</source>
        <translation>SSH 私钥文件</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the SSH private key file</source>
        <translation>选择 SSH 私钥文件</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Ho&amp;st:</source>
        <translation>主机(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Sudo p&amp;assword:</source>
        <translation>sudo 密码(&amp;A)：</translation>
    </message>
    <message>
        <source>Sudo password on the server</source>
        <translation>服务器上的 sudo 密码</translation>
    </message>
    <message>
        <source>Conn&amp;ect</source>
        <translation>连接(&amp;E)</translation>
    </message>
    <message>
        <source>Connect to the server over SSH</source>
        <translation>通过 SSH 连接服务器</translation>
    </message>
    <message>
        <source>Trust th&amp;is key and connect</source>
        <translation>信任此密钥并连接(&amp;I)</translation>
    </message>
    <message>
        <source>Choose your SSH private key</source>
        <translation>选择您的 SSH 私钥</translation>
    </message>
    <message>
        <source>Type the name or address of the server.</source>
        <translation>请输入服务器的名称或地址。</translation>
    </message>
    <message>
        <source>Reading the host key of %1...</source>
        <translation>正在读取 %1 的主机密钥……</translation>
    </message>
    <message>
        <source>The assistant has not connected to %1 before. Before you trust it, compare this fingerprint of its %2 host key with the one the server itself shows (on the server: ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub, or in your cloud provider&apos;s console). Trust it only if they are the same.</source>
        <translation>本助手之前没有连接过 %1。信任该服务器之前，请将下面的 %2 主机密钥指纹与服务器自己显示的指纹比对（在服务器上运行 ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub，或查看云服务商的控制台）。只有两者一致时才信任。</translation>
    </message>
    <message>
        <source>Recording the host key...</source>
        <translation>正在记录主机密钥……</translation>
    </message>
    <message>
        <source>Logging in to %1 and looking for %2...</source>
        <translation>正在登录 %1 并查找 %2……</translation>
    </message>
    <message>
        <source>The user needs a password for sudo on this server: type it above and connect again. The assistant keeps it in memory until it closes and never saves it.</source>
        <translation>该用户在此服务器上使用 sudo 需要密码：请在上方输入后再次连接。本助手只在内存中保留该密码，直到关闭为止，从不保存。</translation>
    </message>
    <message>
        <source>Connected to %1 (%2). Found %3 %4 there, configuration in %5.</source>
        <translation>已连接到 %1（%2）。在该服务器上找到 %3 %4，配置位于 %5。</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>（版本未知）</translation>
    </message>
    <message>
        <source>root through sudo</source>
        <translation>通过 sudo 获得 root 权限</translation>
    </message>
    <message>
        <source>root through sudo, with your password</source>
        <translation>通过 sudo 并使用您的密码获得 root 权限</translation>
    </message>
    <message>
        <source>logged in as root</source>
        <translation>以 root 登录</translation>
    </message>
    <message>
        <source>The key file %1 does not exist: choose your private key, or leave the field empty to use your SSH agent and keys.</source>
        <translation>密钥文件 %1 不存在：请选择您的私钥，或将此字段留空以使用您的 SSH 代理和密钥。</translation>
    </message>
    <message>
        <source>Use my own known-hosts &amp;file for the server&apos;s key (%1)</source>
        <translation>使用我自己的 known_hosts 文件记录服务器的主机密钥（%1）(&amp;F)</translation>
    </message>
</context>
<context>
    <name>mtls::ui::TestPage</name>
    <message>
        <source>Test the handshake</source>
        <translation>测试握手</translation>
    </message>
    <message>
        <source>Call the webhook like Chat&apos;s servers do, and check that strangers are refused.</source>
        <translation>按即时通信 IM 后台的方式调用回调，并检查陌生调用方是否被拒绝。</translation>
    </message>
    <message>
        <source>The test connects to your webhook URL, checks your certificate like Chat&apos;s servers do, and makes sure a caller without Chat&apos;s client certificate is refused.</source>
        <translation>测试会连接您的回调 URL，按 IM 后台的方式检查您的证书，并确认没有 IM 客户端证书的调用方会被拒绝。</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>测试无法运行。</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>重新运行(&amp;R)</translation>
    </message>
    <message>
        <source>Not ready: fix the errors below, then run the test again.</source>
        <translation>未就绪：请修复下方的错误，然后重新运行测试。</translation>
    </message>
    <message>
        <source>Works, with warnings: read them below.</source>
        <translation>可以使用，但有警告：请查看下方内容。</translation>
    </message>
    <message>
        <source>Ready: your server shows a valid certificate and refuses callers without Chat&apos;s client certificate.</source>
        <translation>就绪：您的服务器出示了有效的证书，并会拒绝没有 IM 客户端证书的调用方。</translation>
    </message>
    <message>
        <source>A caller without a client certificate was refused during the TLS handshake.</source>
        <translation>没有客户端证书的调用方在 TLS 握手时被拒绝。</translation>
    </message>
    <message>
        <source>A caller without a client certificate was refused with HTTP status %1.</source>
        <translation>没有客户端证书的调用方被拒绝（HTTP 状态码 %1）。</translation>
    </message>
    <message>
        <source>A caller without a client certificate was let through.</source>
        <translation>没有客户端证书的调用方被放行了。</translation>
    </message>
    <message>
        <source>Protocol: %1.</source>
        <translation>协议：%1。</translation>
    </message>
    <message>
        <source>The test resolves the webhook domain, connects, checks the certificate chain and name as Chat&apos;s servers would, and checks that the server asks for a client certificate from Chat&apos;s CA and refuses a caller without one. Nginx refuses with HTTP 400, Apache in the handshake: both are right.

If the domain does not point at this server yet, the test fails at the first step; change the DNS record and run it again.</source>
        <translation>测试会解析回调域名并建立连接，按即时通信 IM 后台的方式检查证书链和域名，并检查服务器是否要求出示由 IM 的 CA 签发的客户端证书、是否拒绝没有该证书的调用方。Nginx 会返回 HTTP 400 拒绝，Apache 则在握手时拒绝：两者都是正确的。

如果域名尚未指向该服务器，测试会在第一步失败；请修改 DNS 记录后重新运行。</translation>
    </message>
    <message>
        <source>Connect to &amp;this machine (%1) instead of looking up the name</source>
        <translation>连接到本机（%1），而不是解析域名(&amp;T)</translation>
    </message>
    <message>
        <source>Connect to &amp;the server (%1) instead of looking up the name</source>
        <translation>连接到服务器（%1），而不是解析域名(&amp;T)</translation>
    </message>
</context>
<context>
    <name>mtls::ui::WebhookPathPicture</name>
    <message>
        <source>Chat&apos;s servers call your webhook URL over HTTPS and show their client certificate. Your Nginx or Apache checks that certificate against Chat&apos;s client CA and passes the call on to your webhook application.</source>
        <translation>即时通信 IM 后台通过 HTTPS 调用您的回调 URL，并出示客户端证书。您的 Nginx 或 Apache 用 IM 的客户端 CA 证书验证该证书，然后将请求转发给您的回调处理程序。</translation>
    </message>
    <message>
        <source>Chat&apos;s servers</source>
        <translation>即时通信 IM 后台</translation>
    </message>
    <message>
        <source>present a client certificate from Chat&apos;s CA</source>
        <translation>出示由 IM 的 CA
签发的客户端证书</translation>
    </message>
    <message>
        <source>Your Nginx or Apache</source>
        <translation>您的 Nginx 或 Apache</translation>
    </message>
    <message>
        <source>Your webhook application</source>
        <translation>您的回调处理程序</translation>
    </message>
    <message>
        <source>gets only verified calls</source>
        <translation>只接收经过验证的请求</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>shows your certificate and checks the caller&apos;s certificate</source>
        <translation>出示您的证书，
并检查调用方的证书</translation>
    </message>
</context>
<context>
    <name>mtls::ui::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Two-way TLS for your Tencent Cloud Chat webhook, step by step.</source>
        <translation>一步步为您的腾讯云即时通信 IM 回调配置双向认证。</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>已损坏的文件已保留为 %1。</translation>
    </message>
    <message>
        <source>Saved setups:</source>
        <translation>部署记录：</translation>
    </message>
    <message>
        <source>No saved setup yet.</source>
        <translation>还没有部署记录。</translation>
    </message>
    <message>
        <source>There is no saved setup to renew yet.</source>
        <translation>还没有可续期的部署。</translation>
    </message>
    <message>
        <source>Chat calls your webhook over HTTPS with two-way authentication: your server proves who it is with its certificate, and Chat&apos;s servers prove who they are with a client certificate issued by Chat&apos;s CA. The assistant checks your certificate files, writes the Nginx or Apache configuration, applies it with a backup (or exports it for another machine) and tests the result like Chat would.

The sandbox does all of this on this computer with throwaway certificates, so you can see how it works before you touch your server.</source>
        <translation>即时通信 IM 通过启用双向认证的 HTTPS 调用您的回调：您的服务器用服务器证书证明自己的身份，IM 后台则用 IM 的 CA 签发的客户端证书证明自己的身份。本助手会检查您的证书文件，生成 Nginx 或 Apache 配置，在备份后应用（或导出到另一台机器），并按 IM 后台的方式测试结果。

沙盒会使用一次性证书在本机完成以上全部操作，让您在改动服务器之前先了解整个流程。</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Moving the damaged file aside...</source>
        <translation>正在把损坏的文件移到一旁……</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n certificate(s) expire within 30 days or have expired. Choose &quot;Renew the certificate of a saved setup&quot; to replace them.</source>
        <translation>
            <numerusform>警告：有 %n 个证书将在 30 天内过期或已过期。请选择“为已保存的部署续期证书”来替换这些证书。</numerusform>
        </translation>
    </message>
</context>
</TS>
