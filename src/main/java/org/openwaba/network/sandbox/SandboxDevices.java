package org.openwaba.network.sandbox;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.media.Media;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaLibrary;
import org.openwaba.network.DeviceMedia;
import org.openwaba.network.DeviceMessageReceived;
import org.openwaba.network.DeviceProfileChanged;
import org.openwaba.network.sandbox.delivery.ReceiptReporter;
import org.openwaba.network.sandbox.delivery.ReceiptTimings;
import org.openwaba.network.sandbox.store.DeviceStore;
import org.openwaba.network.sandbox.store.MessageCounts;
import org.openwaba.network.sandbox.store.ReceiptStore;
import org.openwaba.network.sandbox.store.ReceivedMessageStore;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a business account may see and do with its sandbox devices: a device's state, the messages
 * it received from the account, switching it on or off line, and reading a message. Backs the
 * sandbox API under {@code /v2/sandbox}.
 *
 * <p>Devices are scoped per account: an account never sees, changes or reads another account's
 * devices or messages, even for the same number. Every method refuses accounts that have no phone
 * number on the sandbox network with {@link SandboxForbiddenException} (403, 190403). Numbers must
 * already be in E.164. Thread-safe.
 */
@Service
public class SandboxDevices {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The most messages {@link #messages} returns at once. */
  public static final int MAX_LIMIT = 1000;

  /** The longest text a device sends, as for the business's text messages. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** The longest profile name. */
  public static final int MAX_PROFILE_NAME_LENGTH = 256;

  private final AccountDirectory directory;
  private final DeviceStore devices;
  private final ReceivedMessageStore messages;
  private final ReceiptStore receipts;
  private final ReceiptTimings timings;
  private final ReceiptReporter reporter;
  private final Clock clock;
  private final Ids ids;
  private final ApplicationEventPublisher events;
  private final MediaLibrary library;
  private final TransactionTemplate transactions;

  SandboxDevices(
      AccountDirectory directory,
      DeviceStore devices,
      ReceivedMessageStore messages,
      ReceiptStore receipts,
      ReceiptTimings timings,
      ReceiptReporter reporter,
      Clock clock,
      Ids ids,
      ApplicationEventPublisher events,
      MediaLibrary library,
      TransactionTemplate transactions) {
    this.directory = directory;
    this.devices = devices;
    this.messages = messages;
    this.receipts = receipts;
    this.timings = timings;
    this.reporter = reporter;
    this.clock = clock;
    this.ids = ids;
    this.events = events;
    this.library = library;
    this.transactions = transactions;
  }

  /**
   * The device's state as this account sees it. A device not used yet is shown with its behaviour's
   * defaults; looking at it does not create it.
   */
  @Transactional(readOnly = true)
  public SandboxDevice device(AccountId accountId, String number) {
    requireSandbox(accountId);
    return state(accountId, number);
  }

  /**
   * Switches the device on or off line, creating it if needed. Switching it online queues the
   * delivery of every message waiting on it, in the order they were sent, due after the device's
   * delivery delay; the worker applies them within {@code openwaba.sandbox.poll-interval} of that.
   * Switching to the current state changes nothing.
   *
   * @throws InvalidRequestException (400, 132000) for the not-on-WhatsApp magic number
   */
  @Transactional
  public SandboxDevice setOnline(AccountId accountId, String number, boolean online) {
    requireSandbox(accountId);
    DeviceBehaviour behaviour = DeviceBehaviour.of(number);
    if (behaviour == DeviceBehaviour.NOT_ON_WHATSAPP) {
      throw new InvalidRequestException(
          "Not on WhatsApp",
          number
              + " is the sandbox's not-on-WhatsApp magic number: there is no device to switch"
              + " on or off line");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    devices.createIfAbsent(accountId, number, behaviour.startsOnline(), now);
    if (devices.setOnline(accountId, number, online) && online) {
      receipts.scheduleBacklog(accountId, number, now.plus(timings.deliveryDelay(behaviour)));
    }
    return state(accountId, number);
  }

  /**
   * The last {@code limit} messages the device received from this account, oldest first (newest
   * last).
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws InvalidRequestException (400, 132000) for a limit out of range
   */
  @Transactional(readOnly = true)
  public List<ReceivedMessage> messages(AccountId accountId, String number, int limit) {
    requireSandbox(accountId);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          "Invalid limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    return messages.latest(accountId, number, limit).stream()
        .map(SandboxDevices::received)
        .toList();
  }

  /**
   * The device's user reads the message: it is reported DELIVERED first if it was not delivered
   * yet, then READ. Reading it again changes and reports nothing, and so does reading a reaction,
   * for which Meta reports neither (§2.9).
   *
   * @throws SandboxMessageNotFoundException (404, 190404) if the device received no such message
   *     from this account
   */
  @Transactional
  public ReceivedMessage read(AccountId accountId, String number, String messageId) {
    requireSandbox(accountId);
    StoredMessage message =
        messages
            .find(accountId, number, messageId)
            .orElseThrow(() -> new SandboxMessageNotFoundException(number, messageId));
    if (!message.isReaction()) {
      reporter.readByUser(message, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
    return received(messages.find(accountId, number, messageId).orElseThrow());
  }

  /**
   * The device's user sends a text message to one of the account's sandbox numbers; the business
   * receives it as an inbound message (and a {@code message} webhook).
   *
   * @param to the business number, E.164; the account's default number if null
   * @param replyTo a message the device received from this account, to quote; may be null
   * @throws InvalidRequestException (400, 132000) if the device is offline or not on WhatsApp, the
   *     text is empty or longer than {@value #MAX_TEXT_LENGTH} characters, {@code to} is not one of
   *     the account's sandbox numbers, or {@code replyTo} is not a message the device received
   */
  @Transactional
  public DeviceSentMessage sendToBusiness(
      AccountId accountId,
      String number,
      @Nullable String to,
      @Nullable String text,
      @Nullable String replyTo) {
    if (text == null || text.isEmpty()) {
      throw new InvalidRequestException("Missing text", "text is required and may not be empty");
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_TEXT_LENGTH) {
      throw new InvalidRequestException(
          "Text too long",
          "text must be at most " + MAX_TEXT_LENGTH + " characters, was " + length);
    }
    Sender sender = sender(accountId, number, to, replyTo);
    return publish(sender, "text", text, null, null);
  }

  /**
   * The device's user sends a structured message (a shared location, contact cards, a tap on a
   * button, a reaction) to one of the account's sandbox numbers; the business receives it as an
   * inbound message and a {@code message} webhook whose {@code type} object is {@code content}.
   *
   * @param content the type's object in Meta's inbound webhook shape, already checked by the caller
   * @param body the text the business's inbound list shows for it (empty if none)
   * @throws InvalidRequestException (400, 132000) as for {@link #sendToBusiness}
   */
  @Transactional
  public DeviceSentMessage sendStructuredToBusiness(
      AccountId accountId,
      String number,
      @Nullable String to,
      String type,
      JsonNode content,
      String body,
      @Nullable String replyTo) {
    Sender sender = sender(accountId, number, to, replyTo);
    return publish(sender, type, body, null, JSON.writeValueAsString(content));
  }

  /**
   * The device's user sends a photo, video, voice or audio file, document or sticker to one of the
   * account's sandbox numbers. The bytes are checked and stored like an upload to the media API
   * (outside the message's transaction, so that a large file never holds the store's write lock);
   * the business receives a {@code message} webhook with the media id and downloads the bytes
   * through the media API.
   *
   * @param declaredType the content type the device declared, if any; it must match the bytes
   * @param caption only for images, videos and documents, at most 1,024 characters
   * @throws InvalidRequestException (400, 132000) as for {@link #sendToBusiness}, and for a caption
   *     on audio or a sticker
   * @throws org.openwaba.media.MediaRejectedException (400, 131053) if the file is not a supported
   *     media file within its limit
   */
  public DeviceSentMessage sendMediaToBusiness(
      AccountId accountId,
      String number,
      @Nullable String to,
      InputStream bytes,
      @Nullable String filename,
      @Nullable String declaredType,
      @Nullable String caption,
      @Nullable String replyTo) {
    transactions.executeWithoutResult(tx -> sender(accountId, number, to, replyTo));
    Media media = library.upload(accountId, bytes, filename, declaredType);
    String text = caption == null ? "" : caption;
    if (!text.isEmpty() && !media.kind().captioned()) {
      throw new InvalidRequestException(
          "Caption not allowed",
          "caption is only allowed on image, video and document, not on " + media.kind().apiName());
    }
    int length = text.codePointCount(0, text.length());
    if (length > MediaKind.MAX_CAPTION_LENGTH) {
      throw new InvalidRequestException(
          "Caption too long",
          "caption must be at most " + MediaKind.MAX_CAPTION_LENGTH + " characters, was " + length);
    }
    DeviceMedia sent =
        new DeviceMedia(
            media.id().toString(),
            media.kind().apiName(),
            media.mimeType(),
            media.sha256(),
            media.fileSize(),
            media.kind() == MediaKind.DOCUMENT ? media.filename() : null,
            media.animated());
    return transactions.execute(
        tx ->
            publish(
                sender(accountId, number, to, replyTo), media.kind().apiName(), text, sent, null));
  }

  /** Who sends, to which business number, quoting what; checked before anything is sent. */
  private record Sender(
      AccountId accountId,
      String number,
      DeviceBehaviour behaviour,
      PhoneNumber business,
      @Nullable String replyTo) {}

  private Sender sender(
      AccountId accountId, String number, @Nullable String to, @Nullable String replyTo) {
    requireSandbox(accountId);
    DeviceBehaviour behaviour = requireOnWhatsApp(number);
    PhoneNumber business = businessNumber(accountId, to);
    boolean online = devices.online(accountId, number).orElse(behaviour.startsOnline());
    if (!online) {
      throw new InvalidRequestException(
          "Device offline", number + " is offline: switch it online before it sends messages");
    }
    if (replyTo != null && messages.find(accountId, number, replyTo).isEmpty()) {
      throw new InvalidRequestException(
          "Invalid reply_to",
          "reply_to must name a message " + number + " received from this account");
    }
    return new Sender(accountId, number, behaviour, business, replyTo);
  }

  private DeviceSentMessage publish(
      Sender sender,
      String type,
      String body,
      @Nullable DeviceMedia media,
      @Nullable String content) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    devices.createIfAbsent(
        sender.accountId(), sender.number(), sender.behaviour().startsOnline(), now);
    String profileName = profileName(sender.accountId(), sender.number());
    String messageId = "wamid." + ids.opaqueId();
    events.publishEvent(
        new DeviceMessageReceived(
            messageId,
            sender.accountId(),
            sender.business().id(),
            sender.number(),
            profileName,
            type,
            body,
            sender.replyTo(),
            now,
            media,
            content));
    return new DeviceSentMessage(
        messageId,
        sender.number(),
        sender.business().displayPhoneNumber(),
        profileName,
        type,
        body,
        sender.replyTo(),
        now,
        media,
        content);
  }

  /**
   * Changes the device's profile name as this account sees it, creating the device if needed; the
   * business receives a {@code contact_update}. Setting the current name changes nothing.
   *
   * @throws InvalidRequestException (400, 132000) for an empty or too long name, or the
   *     not-on-WhatsApp number
   */
  @Transactional
  public SandboxDevice setProfileName(AccountId accountId, String number, String profileName) {
    requireSandbox(accountId);
    DeviceBehaviour behaviour = requireOnWhatsApp(number);
    String name = profileName.strip();
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX_PROFILE_NAME_LENGTH) {
      throw new InvalidRequestException(
          "Invalid profile_name",
          "profile_name must be 1 to " + MAX_PROFILE_NAME_LENGTH + " characters, was " + length);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    devices.createIfAbsent(accountId, number, behaviour.startsOnline(), now);
    if (devices.setProfileName(accountId, number, name)) {
      events.publishEvent(
          new DeviceProfileChanged(
              accountId, directory.defaultPhoneNumber(accountId).id(), number, name, now));
    }
    return state(accountId, number);
  }

  private DeviceBehaviour requireOnWhatsApp(String number) {
    DeviceBehaviour behaviour = DeviceBehaviour.of(number);
    if (behaviour == DeviceBehaviour.NOT_ON_WHATSAPP) {
      throw new InvalidRequestException(
          "Not on WhatsApp",
          number + " is the sandbox's not-on-WhatsApp magic number: there is no device");
    }
    return behaviour;
  }

  private PhoneNumber businessNumber(AccountId accountId, @Nullable String to) {
    if (to == null) {
      PhoneNumber number = directory.defaultPhoneNumber(accountId);
      if (!SandboxNetwork.NAME.equals(number.network())) {
        throw new InvalidRequestException(
            "Invalid to", "to is required: the account's default number is not on the sandbox");
      }
      return number;
    }
    String e164 = InternationalNumbers.toE164(to, "to");
    return directory.phoneNumbers(accountId).stream()
        .filter(n -> n.displayPhoneNumber().equals(e164))
        .filter(n -> SandboxNetwork.NAME.equals(n.network()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "Invalid to", "to must be one of this account's sandbox numbers"));
  }

  private String profileName(AccountId accountId, String number) {
    return devices
        .profileName(accountId, number)
        .orElse("Sandbox user " + number.substring(Math.max(1, number.length() - 4)));
  }

  private SandboxDevice state(AccountId accountId, String number) {
    DeviceBehaviour behaviour = DeviceBehaviour.of(number);
    boolean online = devices.online(accountId, number).orElse(behaviour.startsOnline());
    MessageCounts counts = messages.counts(accountId, number);
    return new SandboxDevice(
        number,
        online,
        behaviour,
        new SandboxDevice.Counts(
            counts.received(),
            counts.received() - counts.delivered(),
            counts.delivered(),
            counts.read()));
  }

  private void requireSandbox(AccountId accountId) {
    boolean hasSandboxNumber =
        directory.phoneNumbers(accountId).stream()
            .anyMatch(number -> SandboxNetwork.NAME.equals(number.network()));
    if (!hasSandboxNumber) {
      throw new SandboxForbiddenException(accountId);
    }
  }

  private static ReceivedMessage received(StoredMessage message) {
    return new ReceivedMessage(
        message.messageId(),
        message.from(),
        message.type(),
        message.body(),
        message.spans(),
        message.previewUrl(),
        message.replyTo(),
        message.receivedAt(),
        message.deliveredAt(),
        message.readAt(),
        message.media(),
        message.content(),
        message.reaction());
  }

  /**
   * The device's user taps a reply button or list row of an interactive message, or a quick-reply
   * button of a template message, that it received from this account; the business receives Meta's
   * {@code interactive} ({@code button_reply}, {@code list_reply}) or {@code button} inbound
   * message, replying to (with the {@code context} of) the tapped message.
   *
   * @param id the reply button's or list row's id, for interactive messages
   * @param index the template button's position from 0, for template messages
   * @throws SandboxMessageNotFoundException (404, 190404) if the device received no such message
   *     from this account
   * @throws InvalidRequestException (400, 132000) if the device is offline, the message has no such
   *     button or row, or the button only acts on the phone (a link or phone button)
   */
  @Transactional
  public DeviceSentMessage tap(
      AccountId accountId,
      String number,
      String messageId,
      @Nullable String id,
      @Nullable Integer index) {
    requireSandbox(accountId);
    StoredMessage message =
        messages
            .find(accountId, number, messageId)
            .orElseThrow(() -> new SandboxMessageNotFoundException(number, messageId));
    Taps.Reply reply = Taps.of(message, id, index);
    Sender sender = sender(accountId, number, message.from(), messageId);
    return publish(
        sender, reply.type(), reply.body(), null, JSON.writeValueAsString(reply.content()));
  }
}
