# What the Windows installer tree needs besides the two programs (installed by app/): the DLLs they load
# (OpenSSL 3, QtKeychain, QuaZip and whatever those need, e.g. zlib), Qt itself through windeployqt (libraries,
# plugins, Qt's own translations), Qt's qtbase_*.qm that the program loads by that name, and the MSVC runtime.
# Included from packaging/Installers.cmake on WIN32; the copying happens at install time in Deploy.cmake, so
# `cmake --install` and `cpack` produce the same tree.

find_program(MTLS_WINDEPLOYQT NAMES windeployqt6 windeployqt windeployqt-qt6
    HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" "${QT6_INSTALL_PREFIX}/bin" REQUIRED)

# Where the non-Qt DLLs are. Each package's own DLL location comes first (vcpkg and the usual OpenSSL installers
# keep DLLs in <prefix>/bin beside <prefix>/lib), then OPENSSL_ROOT_DIR, then Qt's bin directory.
set(MTLS_DLL_DIRS)
foreach(target QuaZip::QuaZip Qt6Keychain::Qt6Keychain OpenSSL::Crypto OpenSSL::SSL)
    foreach(property IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION_RELWITHDEBINFO IMPORTED_LOCATION
            IMPORTED_IMPLIB_RELEASE IMPORTED_IMPLIB)
        get_target_property(location ${target} ${property})
        if(location)
            get_filename_component(dir "${location}" DIRECTORY)
            list(APPEND MTLS_DLL_DIRS "${dir}" "${dir}/../bin")
        endif()
    endforeach()
endforeach()
if(OPENSSL_INCLUDE_DIR)
    list(APPEND MTLS_DLL_DIRS "${OPENSSL_INCLUDE_DIR}/../bin")
endif()
if(OPENSSL_ROOT_DIR)
    list(APPEND MTLS_DLL_DIRS "${OPENSSL_ROOT_DIR}/bin" "${OPENSSL_ROOT_DIR}")
endif()
if(DEFINED ENV{OPENSSL_ROOT_DIR})
    list(APPEND MTLS_DLL_DIRS "$ENV{OPENSSL_ROOT_DIR}/bin")
endif()
list(APPEND MTLS_DLL_DIRS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
file(TO_CMAKE_PATH "${MTLS_DLL_DIRS}" MTLS_DLL_DIRS) # C:\... from the environment would break the install script
list(REMOVE_DUPLICATES MTLS_DLL_DIRS)

# The OpenSSL 3 DLLs must be found now, not discovered missing on a user's machine.
set(MTLS_OPENSSL_DLLS)
foreach(dir ${MTLS_DLL_DIRS})
    file(GLOB found "${dir}/libcrypto-3*.dll" "${dir}/libssl-3*.dll")
    if(found)
        set(MTLS_OPENSSL_DLLS ${found})
        break()
    endif()
endforeach()
if(NOT MTLS_OPENSSL_DLLS)
    message(FATAL_ERROR "The OpenSSL 3 DLLs (libcrypto-3-x64.dll, libssl-3-x64.dll) were not found in: "
        "${MTLS_DLL_DIRS}. Set OPENSSL_ROOT_DIR to the OpenSSL installation (the folder holding bin\\ and lib\\).")
endif()
message(STATUS "OpenSSL DLLs for the installer: ${MTLS_OPENSSL_DLLS}")

# Qt's own translations of its standard dialogs, loaded by the program as qtbase_<language>.qm from
# bin/translations (app/core/Translations.cpp); windeployqt writes combined qt_<language>.qm files there instead.
if(MTLS_QTBASE_ZH_QM)
    install(FILES ${MTLS_QTBASE_ZH_QM} DESTINATION bin/translations)
endif()

# The MSVC runtime (vcruntime140*.dll, msvcp140*.dll) beside the programs, so no redistributable is needed.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

install(IMPORTED_RUNTIME_ARTIFACTS QuaZip::QuaZip Qt6Keychain::Qt6Keychain RUNTIME DESTINATION bin)
install(FILES ${MTLS_OPENSSL_DLLS} DESTINATION bin)
# Everything else the two programs and those DLLs load (found with file(GET_RUNTIME_DEPENDENCIES)), then Qt.
install(CODE "set(MTLS_WINDEPLOYQT \"${MTLS_WINDEPLOYQT}\")
set(MTLS_DLL_DIRS \"${MTLS_DLL_DIRS}\")")
install(SCRIPT "${CMAKE_CURRENT_LIST_DIR}/Deploy.cmake")
