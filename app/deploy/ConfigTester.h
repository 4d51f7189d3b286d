#pragma once

#include "ApplyService.h"
#include "server/ConfigGenerator.h"

namespace mtls {

// Proves a configuration with the real server binary before it is shown as ready: the material is written to a
// private temporary directory, the same request is generated again pointing at those files and at a free
// loopback port, and a throwaway installation of the server tests it (nginx -t loads certificates and keys;
// Apache is started, since its configtest does not load them). The Error's detail is the server's own output
// with our lines quoted. `binary` empty: found in PATH.
Status proveConfiguration(const ServerConfigRequest& request, const ApplyMaterial& material,
                          const QString& binary = QString());

} // namespace mtls
