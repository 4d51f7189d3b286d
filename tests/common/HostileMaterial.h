#pragma once

#include <QByteArray>
#include <QString>

// Hostile certificate material, made at run time (nothing secret is committed): one generator per class of input
// that used to cost the loader unbounded time or memory. Shared by the loader tests, the benchmark and the fuzz
// seed corpus. Encrypted items hold random bytes: the loader must refuse them before deriving any key, or fail to
// decrypt them after paying for it.
namespace hostile {

// DER of an EncryptedPrivateKeyInfo using PBES2 with PBKDF2 (HMAC-SHA256) at `rounds` iterations.
QByteArray pbkdf2Pkcs8(quint64 rounds);
// The same with scrypt (N, r, p).
QByteArray scryptPkcs8(quint64 n, quint64 r, quint64 p);
// PEM "ENCRYPTED PRIVATE KEY" of a DER EncryptedPrivateKeyInfo.
QByteArray encryptedKeyPem(const QByteArray& der);

// A PKCS#12 (no MAC) whose only bag is a shrouded key bag at `rounds` PBKDF2 rounds, wrapped in `nesting`
// safeContents bags (0: at top level).
QByteArray pkcs12WithRounds(quint64 rounds, int nesting);
// The same with any EncryptedPrivateKeyInfo (DER) in the shrouded key bag.
QByteArray pkcs12WithKeyBag(const QByteArray& encryptedKeyInfo, int nesting);
// The same bag inside an encrypted safe (AES-256, 2,048 rounds, `passphrase`): seen only once that is decrypted.
QByteArray pkcs12WithKeyBagInEncryptedSafe(const QByteArray& encryptedKeyInfo, int nesting,
                                           const QByteArray& passphrase);
// A PKCS#12 whose MAC asks for `iterations`, holding one unencrypted (garbage) key bag.
QByteArray pkcs12WithMacIterations(quint64 iterations);

// `count` encrypted private key blocks at `rounds` each, in one PEM text.
QByteArray manyEncryptedKeys(int count, quint64 rounds);

// "-----BEGIN X----------END X-----" repeated without line ends up to `bytes`.
QByteArray pemFlood(qsizetype bytes);

// `certificates` self-signed EC certificates and `keys` unrelated EC keys in one PEM text; with `lastKeyMatches`,
// the last key is the key of the last certificate.
QByteArray certificatesAndKeys(int certificates, int keys, bool lastKeyMatches = false);

// A zip of `innerZips` zips, each holding `entriesPerInner` entries of `entryBytes` zeros (each inner zip under the
// per-archive limits; all together far over them). Written to `path`.
bool writeNestedZipBomb(const QString& path, int innerZips, int entriesPerInner, qint64 entryBytes);

} // namespace hostile
