package org.hutong.security.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryLoginTest {

    @Test
    void namesADirectoryGroupByItsCommonNameAndLeavesPlainNamesAlone() {
        assertThat(RegistryLogin.commonName("cn=hutong-operators,ou=groups,dc=hutong,dc=test")).isEqualTo("hutong-operators");
        assertThat(RegistryLogin.commonName("hutong-admins")).isEqualTo("hutong-admins");
    }
}
