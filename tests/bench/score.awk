# score.awk: a plain awk scorer of hearth sessions, the peer that score(1)
# is measured against in `make bench` and checked against in the tests.
# It reads the bank files first, then sessions, and prints what score
# prints for well-formed input; it checks nothing.
#
#   awk -f score.awk [-v mode=refs|trend] [-v explain=1] DATADIR/*.bank \
#       [session-file ...]
#
# The trend comes in the order of the input: sort -s -k1,1 puts it in the
# order of time that score -t gives.
# Written for any POSIX awk (mawk, gawk, busybox).

BEGIN { FS = "\t" }

{ sub(/\r$/, "") }

FILENAME ~ /\.bank$/ {
	bank = FILENAME
	sub(/.*\//, "", bank)
	sub(/\.bank$/, "", bank)
	read_bank_record()
	next
}

/^[ \t]*$/ || /^#/ { next }

$1 == "hearth-session" {
	start_session($3, $4, $5)
	next
}

{
	answer($1, $2)
	given_id[seen + 1] = $1
	given_value[seen + 1] = $2
	if (++seen == expected)
		finish_session()
}

function read_bank_record(  n) {
	if ($1 == "answer") {
		if (!((bank, "min") in info))
			info[bank, "min"] = $2
		info[bank, "max"] = $2
	} else if ($1 == "band") {
		n = ++info[bank, "bands"]
		band_name[bank, n] = $2
		band_from[bank, n] = tenths($3)
	} else if ($1 == "need") {
		info[bank, "need"] = $2
	} else if ($1 == "scale") {
		n = ++info[bank, "scales"]
		scale_name[bank, n] = $2
		scale_index[bank, $2] = n
	} else if ($1 == "read") {
		read_section[bank, $2, $3] = $4
	} else if ($1 == "item") {
		item_scale[bank, $2] = scale_index[bank, $3]
		item_reversed[bank, $2] = $4 == "-"
		scale_items[bank, scale_index[bank, $3]]++
	} else if ($1 == "safety") {
		info[bank, "safety"] = $2
	} else if ($1 == "signal") {
		signal_from[bank, $2] = $3
		signal_to[bank, $2] = $4
	} else if ($1 == "question") {
		info[bank, "choice"] = 1
		question_section[bank, $2] = $3
		question_answer[bank, $2] = $4
	}
}

function tenths(s,  dot) {
	dot = index(s, ".")
	if (!dot)
		return s * 10
	return substr(s, 1, dot - 1) * 10 + substr(s, dot + 1, 1)
}

function start_session(b, t, count,  n) {
	if (!(b in bank_seen)) {
		bank_seen[b] = 1
		bank_order[++nbanks] = b
	}
	sbank = b
	stime = t
	expected = count
	seen = 0
	correct = 0
	alerted = 0
	nsections = 0
	for (n = 1; n <= info[sbank, "scales"]; n++)
		sum[n] = answered[n] = 0
}

function answer(id, value,  s) {
	if (info[sbank, "choice"]) {
		if (value == question_answer[sbank, id])
			correct++
		else
			add_section(question_section[sbank, id])
		return
	}
	if ((sbank, id) in signal_from) {
		if (fires(id, value))
			alerted = 1
		return
	}
	if (value == "-")
		return
	s = item_scale[sbank, id]
	if (item_reversed[sbank, id])
		value = info[sbank, "min"] + info[sbank, "max"] - value
	sum[s] += value
	answered[s]++
}

function fires(id, value) {
	return value != "-" && value + 0 >= signal_from[sbank, id] + 0 &&
	       value + 0 <= signal_to[sbank, id] + 0
}

# Keeps sections[1..nsections] sorted, without repeats.
function add_section(section,  i, j) {
	section += 0
	for (i = 1; i <= nsections; i++)
		if (sections[i] == section)
			return
	for (i = nsections; i >= 1 && sections[i] > section; i--)
		sections[i + 1] = sections[i]
	sections[i + 1] = section
	nsections++
}

# The mean in tenths, rounded half up, or -1 when too few are answered.
function mean_of(s,  need, n) {
	n = answered[s]
	need = int((scale_items[sbank, s] * info[sbank, "need"] + 99) / 100)
	if (need < 2)
		need = 2
	if (n < need || n < 1)
		return -1
	return int((sum[s] * 20 + n) / (2 * n))
}

function band_of(mean,  n) {
	for (n = info[sbank, "bands"]; n > 1; n--)
		if (band_from[sbank, n] <= mean)
			break
	return n
}

function mean_text(m) {
	return int(m / 10) "." (m % 10)
}

function finish_session(  s, m, b, section, line, i) {
	if (info[sbank, "choice"]) {
		if (mode == "refs") {
			for (i = 1; i <= nsections; i++)
				print sections[i]
			return
		}
		if (mode == "trend") {
			print stime "\t" sbank "\t" correct "\t" seen
			return
		}
		line = ""
		for (i = 1; i <= nsections; i++)
			line = line (i > 1 ? "," : "") sections[i]
		print stime "\t" sbank "\t" correct "\t" seen "\t" (nsections ? line : "-")
		print_answers()
		return
	}
	for (s = 1; s <= info[sbank, "scales"]; s++) {
		m = mean_of(s)
		if (mode == "trend") {
			print stime "\t" sbank "\t" scale_name[sbank, s] "\t" (m < 0 ? "-" : mean_text(m))
			continue
		}
		if (m < 0) {
			if (mode != "refs")
				print stime "\t" sbank "\t" scale_name[sbank, s] "\t-\tunscored\t-"
			continue
		}
		b = band_of(m)
		section = read_section[sbank, scale_name[sbank, s], band_name[sbank, b]]
		if (mode == "refs") {
			if (section != "")
				add_section(section)
			continue
		}
		print stime "\t" sbank "\t" scale_name[sbank, s] "\t" mean_text(m) "\t" band_name[sbank, b] "\t" (section == "" ? "-" : section)
	}
	if (mode == "refs")
		for (i = 1; i <= nsections; i++)
			print sections[i]
	if (alerted && mode == "refs")
		print "score: safety: " info[sbank, "safety"] > "/dev/stderr"
	else if (alerted)
		print stime "\t" sbank "\tsafety\t" info[sbank, "safety"]
	if (mode == "")
		print_answers()
}

# With -v explain=1: a record for each answer of the session, as read.
function print_answers(  i, id, v) {
	if (!explain)
		return
	for (i = 1; i <= seen; i++) {
		id = given_id[i]
		v = given_value[i]
		if (info[sbank, "choice"])
			print stime "\t" sbank "\tanswer\t" question_section[sbank, id] "\t" id "\t" v "\t" question_answer[sbank, id]
		else if ((sbank, id) in signal_from)
			print stime "\t" sbank "\tanswer\tsafety\t" id "\t" signal_from[sbank, id] "-" signal_to[sbank, id] "\t" (v == "-" ? v : v + 0) "\t" (fires(id, v) ? "yes" : "no")
		else if (v == "-")
			print stime "\t" sbank "\tanswer\t" scale_name[sbank, item_scale[sbank, id]] "\t" id "\t" (item_reversed[sbank, id] ? "-" : "+") "\t-\t-"
		else
			print stime "\t" sbank "\tanswer\t" scale_name[sbank, item_scale[sbank, id]] "\t" id "\t" (item_reversed[sbank, id] ? "-" : "+") "\t" v + 0 "\t" (item_reversed[sbank, id] ? info[sbank, "min"] + info[sbank, "max"] - v : v + 0)
	}
}
