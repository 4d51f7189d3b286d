# bash completion for mtls-assistant-cli. Commands and options are read from the program's own --help, so the
# completion follows the installed version.
_mtls_assistant_cli()
{
    local cur prev words cword
    _init_completion || return

    if ((cword == 1)); then
        local commands
        commands=$("${words[0]}" --help 2>/dev/null | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}')
        COMPREPLY=($(compgen -W "$commands help --help --version" -- "$cur"))
        return
    fi

    case $prev in
        --cert | --key | --chain | --pkcs12 | --bundle | --client-ca | --roots | --out | --server-ca | \
            --client-cert | --client-key | --log | --webhook-log)
            _filedir
            return
            ;;
        --server)
            COMPREPLY=($(compgen -W "nginx apache" -- "$cur"))
            return
            ;;
        --tls)
            COMPREPLY=($(compgen -W "intermediate modern chat-guide" -- "$cur"))
            return
            ;;
        --mode)
            COMPREPLY=($(compgen -W "merge dedicated" -- "$cur"))
            return
            ;;
        --passphrase-env | --token-env)
            COMPREPLY=($(compgen -v -- "$cur"))
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        local options
        options=$("${words[0]}" "${words[1]}" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    _filedir
}
complete -F _mtls_assistant_cli mtls-assistant-cli
