package fi.city.login.identity.bruteforce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertEquals("198.51.100.7", ClientAddress.normalized(" 198.51.100.7 "));
    }

    @Test
    void everyAddressOfAnIpv6Slash64CountsAsOne() {
        String one = ClientAddress.normalized("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals(one, ClientAddress.normalized("2001:DB8:1:2::1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", one);
        assertEquals(false, one.equals(ClientAddress.normalized("2001:db8:1:3::1")));
    }

    @Test
    void everySlash64OfASlash48SharesTheSlash48sCount() {
        String network = ClientAddress.network48(ClientAddress.normalized("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:0:0:0:0:0/48", network);
        assertEquals(network, ClientAddress.network48(ClientAddress.normalized("2001:db8:1:ffff:1::9")));
        assertEquals(false, network.equals(ClientAddress.network48(ClientAddress.normalized("2001:db8:2::1"))));
        assertNull(ClientAddress.network48(ClientAddress.normalized("198.51.100.7")), "IPv4 has no /48");
    }

    @Test
    void whatIsNotAnIpAddressIsNotTakenAsOne() {
        assertNull(ClientAddress.normalized("example.com"));
        assertNull(ClientAddress.normalized("1.2.3.4, 5.6.7.8"));
        assertNull(ClientAddress.normalized("::::::"));
        assertNull(ClientAddress.normalized("999.1.1.1"));
        assertNull(ClientAddress.normalized(null));
    }
}
