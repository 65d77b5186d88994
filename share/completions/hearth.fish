# fish completion for hearth's tools. Section references and part names
# come from `section -l` and `section -p`, so they follow the data.

function __hearth_refs
    section -l 2>/dev/null | while read -l -d \t number slug title
        printf '%s\t%s\n' $number $title $slug $title
    end
end

function __hearth_parts
    section -p 2>/dev/null | cut -f 2 | sort -u
end

# The directories of the data path: HEARTH_DATA alone when it is set,
# else the user's data directory and then DATADIR, as in hearth-files(5).
function __hearth_data_dirs
    if test -n "$HEARTH_DATA"
        printf '%s\n' $HEARTH_DATA
        return
    end
    if string match -q -- '/*' "$XDG_DATA_HOME"
        printf '%s\n' $XDG_DATA_HOME/hearth
    else if string match -q -- '/*' "$HOME"
        printf '%s\n' $HOME/.local/share/hearth
    end
    printf '%s\n' @DATADIR@
end

function __hearth_banks
    for dir in (__hearth_data_dirs)
        for bank in $dir/*.bank
            string replace -r '.*/(.*)\.bank$' '$1' -- $bank
        end
    end | sort -u
end

complete -c section -f -a '(__hearth_refs)'
complete -c section -s c -d 'After a paragraph research qualifies, a note on it'
complete -c section -s f -x -a '(__hearth_parts)' -d 'Print only this part of each section'
complete -c section -s l -d 'List the sections'
complete -c section -s p -d 'List the parts of each section'
complete -c section -s w -x -d 'Wrap to this many columns'
complete -c section -s h -l help -d 'Print the help'
complete -c section -s V -l version -d 'Print the version'

# A reminder (-m, -d, -o, -W, -R) takes no references; -d takes a date.
complete -c summary -f
complete -c summary -n 'not __fish_seen_argument -s m -s d -s o -s W -s R' -a '(__hearth_refs)'
complete -c summary -s m -d 'Print the reminder of the day'
complete -c summary -s d -x -d 'Print the reminder of this day, or with -W its week (YYYY-MM-DD)'
complete -c summary -s o -d 'Print the reminder of the day, or with -W the week, once'
complete -c summary -s W -d 'Print the reminder of the week'
complete -c summary -s R -d 'Print a reminder at random'
complete -c summary -s s -x -d 'With -R, choose the reminder with this seed'
complete -c summary -s w -x -d 'Wrap to this many columns'
complete -c summary -s h -l help -d 'Print the help'
complete -c summary -s V -l version -d 'Print the version'

complete -c quiz -f
complete -c quiz -s a -r -F -d 'Also append the session to this journal'
complete -c quiz -s d -x -d 'Date the session (YYYY-MM-DD[THH:MM], local time)'
complete -c quiz -s e -d 'Explain each answer, ask a missed one again'
complete -c quiz -s k -x -a '(__hearth_banks)' -d 'The question bank'
complete -c quiz -s l -d 'List the questions instead of asking them'
complete -c quiz -s n -x -d 'Ask only this many questions'
complete -c quiz -s s -x -d 'Shuffle with this seed'
complete -c quiz -s h -l help -d 'Print the help'
complete -c quiz -s V -l version -d 'Print the version'

complete -c score -s e -d 'List the answers behind each result'
complete -c score -s H -d 'Print the report, wherever the output goes'
complete -c score -s M -d 'Print the records, even at a terminal'
complete -c score -s j -d 'Print JSON Lines'
complete -c score -s r -d 'Print only the sections to read or review'
complete -c score -s t -d 'Print the trend: every session, in the order of time'
complete -c score -s w -x -d 'Wrap the report to this many columns'
complete -c score -s h -l help -d 'Print the help'
complete -c score -s V -l version -d 'Print the version'
