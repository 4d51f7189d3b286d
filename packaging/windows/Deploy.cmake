# Install-time script (cmake --install, cpack): makes bin/ self-contained. Runs after the programs, QuaZip,
# QtKeychain and the OpenSSL DLLs are installed. Set by packaging/windows/Windows.cmake: MTLS_WINDEPLOYQT,
# MTLS_DLL_DIRS.
set(bin "${CMAKE_INSTALL_PREFIX}/bin")
set(programs)
foreach(name mtls-assistant mtls-assistant-cli)
    if(EXISTS "${bin}/${name}.exe")
        list(APPEND programs "${bin}/${name}.exe")
    endif()
endforeach()
if(NOT programs)
    message(FATAL_ERROR "Neither mtls-assistant.exe nor mtls-assistant-cli.exe is in ${bin}.")
endif()
file(GLOB libraries "${bin}/*.dll")

# 1. Every non-system DLL the programs and the libraries beside them load (zlib for QuaZip, for example).
#    Names are lower-cased by CMake before matching; system DLLs stay out.
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${programs}
    LIBRARIES ${libraries}
    DIRECTORIES ${MTLS_DLL_DIRS}
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "^[A-Za-z]:[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]")
if(unresolved)
    message(FATAL_ERROR "These DLLs are needed but were not found in ${MTLS_DLL_DIRS} or on PATH: ${unresolved}")
endif()
foreach(dll ${resolved})
    get_filename_component(name "${dll}" NAME)
    if(NOT EXISTS "${bin}/${name}")
        file(INSTALL DESTINATION "${bin}" TYPE SHARED_LIBRARY FILES "${dll}")
    endif()
endforeach()

# 2. Qt: its libraries (also those QuaZip and QtKeychain link, e.g. Qt6Core5Compat), the platform, style, TLS and
#    image-format plugins, and Qt's translations (bin/translations/qt_*.qm). The MSVC runtime comes from
#    InstallRequiredSystemLibraries instead of the redistributable installer windeployqt would copy.
file(GLOB qt_users "${bin}/*quazip*.dll" "${bin}/*keychain*.dll")
execute_process(
    COMMAND "${MTLS_WINDEPLOYQT}" --no-compiler-runtime --no-system-d3d-compiler --dir "${bin}" ${programs} ${qt_users}
    COMMAND_ERROR_IS_FATAL ANY)
