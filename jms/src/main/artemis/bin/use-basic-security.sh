#!/usr/bin/env bash
# Switches a broker instance created by 'artemis create' from JAAS property files to Artemis's
# basic security manager: users live in the broker's journal and the hub keeps products' accounts
# through the management address. The hub's own account is recreated at every start.
# usage: use-basic-security.sh INSTANCE_DIR HUB_USER HUB_PASSWORD HUB_ROLE
set -euo pipefail
[[ $# -eq 4 ]] || { echo "usage: $0 INSTANCE_DIR HUB_USER HUB_PASSWORD HUB_ROLE" >&2; exit 2; }
file="$1/etc/bootstrap.xml"
escape() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' -e 's/</\&lt;/g' -e 's/[|\\]/\\&/g'; }
manager="<security-manager class-name=\"org.apache.activemq.artemis.spi.core.security.ActiveMQBasicSecurityManager\">"
manager+="<property key=\"bootstrapUser\" value=\"$(escape "$2")\"/>"
manager+="<property key=\"bootstrapPassword\" value=\"$(escape "$3")\"/>"
manager+="<property key=\"bootstrapRole\" value=\"$(escape "$4")\"/></security-manager>"
sed -i "s|<jaas-security domain=\"activemq\"/>|$manager|" "$file"
grep -q ActiveMQBasicSecurityManager "$file" || { echo "use-basic-security.sh: $file has no jaas-security to replace" >&2; exit 1; }
echo "use-basic-security.sh: $file uses the basic security manager (hub user $2, role $4)"
