package io.textprovenance.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * detector.security.*: API keys for /v1/**.
 *
 * @param enabled whether /v1/** requires a key (off in the local profile)
 * @param apiKeys accepted keys, from a Secret (DETECTOR_SECURITY_API_KEYS) — never from a ConfigMap
 * @param header  the request header carrying the key
 */
@ConfigurationProperties("detector.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> apiKeys,
                                 @DefaultValue("X-API-Key") String header) {

    @Override
    public String toString() {
        return "SecurityProperties[enabled=" + enabled + ", apiKeys=" + apiKeys.size() + " keys, header=" + header + "]";
    }
}
