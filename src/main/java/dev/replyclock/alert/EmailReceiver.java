package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * E-mail over SMTP (Jakarta Mail, Angus implementation), STARTTLS when asked, with connect, read and write
 * timeouts. One mail per notification: a group is one mail with a part per alert. The Message-ID derives
 * from the alert (or group) id, so that a mail client can spot a re-sent alert.
 */
public final class EmailReceiver implements Receiver {

    /** Incident updates ({@code acknowledged}, {@code closed}) are for machines; people get {@code resolved}. */
    @Override
    public boolean takes(Alert alert) {
        return Receiver.forPeople(alert);
    }


    private final String name;
    private final Session session;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String language;
    private final AlertText text;

    public EmailReceiver(String name, String host, int port, boolean starttls, String username, String password,
                         String from, String to, String language, Duration timeout) throws MessagingException {
        this(name, host, port, starttls, username, password, from, to, language, timeout, AlertText.DEFAULT);
    }

    public EmailReceiver(String name, String host, int port, boolean starttls, String username, String password,
                         String from, String to, String language, Duration timeout, AlertText text)
            throws MessagingException {
        this.name = name;
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        p.put("mail.smtp.auth", String.valueOf(username != null));
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        this.session = Session.getInstance(p);
        this.username = username;
        this.password = password;
        this.from = new InternetAddress(from);
        this.to = InternetAddress.parse(to);
        this.language = language;
        this.text = text;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        deliver(AlertGroup.of(alert));
    }

    @Override
    public void deliver(AlertGroup group) throws DeliveryException {
        List<RenderedAlert> all = group.alerts().stream().map(a -> text.render(a, language)).toList();
        String subject;
        String body;
        if (all.size() == 1) {
            subject = all.get(0).title();
            body = all.get(0).plain();
        } else {
            String lang = text.languageFor(group, language);
            subject = AlertText.groupTitle(all.size(), lang) + ": "
                    + all.stream().map(RenderedAlert::title).distinct().collect(Collectors.joining("; "));
            body = AlertText.groupTitle(all.size(), lang) + "\n\n"
                    + all.stream().map(RenderedAlert::plain).collect(Collectors.joining("\n\n"));
        }
        send(group.id(), subject.length() > 200 ? subject.substring(0, 199) + "…" : subject, body);
    }

    private void send(String id, String subject, String body) throws DeliveryException {
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + id + "@replyclock>");
                }
            };
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to);
            m.setSubject("[replyclock] " + subject, "UTF-8");
            m.setText(body + "\n", "UTF-8");
            if (username == null) {
                Transport.send(m);
            } else {
                Transport.send(m, username, password);
            }
        } catch (jakarta.mail.SendFailedException e) {
            throw DeliveryException.permanent("the server refused an address: " + e.getMessage());
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP: " + e.getMessage(), e);
        }
    }
}
