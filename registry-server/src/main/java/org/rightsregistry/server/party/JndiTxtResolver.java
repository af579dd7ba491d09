package org.rightsregistry.server.party;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** The production TXT resolver: the JDK's DNS client and the system's name servers. */
final class JndiTxtResolver implements TxtResolver {

  @Override
  public List<String> txt(String name) throws IOException {
    Hashtable<String, String> environment = new Hashtable<>();
    environment.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    environment.put("com.sun.jndi.dns.timeout.initial", "2000");
    environment.put("com.sun.jndi.dns.timeout.retries", "2");
    try {
      DirContext context = new InitialDirContext(environment);
      try {
        Attribute records = context.getAttributes(name, new String[] {"TXT"}).get("TXT");
        List<String> values = new ArrayList<>();
        if (records != null) {
          NamingEnumeration<?> all = records.getAll();
          while (all.hasMore()) {
            values.add(all.next().toString().replace("\"", ""));
          }
        }
        return values;
      } finally {
        context.close();
      }
    } catch (NameNotFoundException e) {
      return List.of();
    } catch (NamingException e) {
      throw new IOException("The DNS lookup of " + name + " failed: " + e.getExplanation(), e);
    }
  }
}
