package org.openwaba.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.InvalidTokenException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hands the authenticated account to any controller parameter of type AuthenticatedAccount. */
@Configuration(proxyBeanMethods = false)
class AuthenticatedAccountResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AuthenticatedAccount.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    Object account =
        request == null ? null : request.getAttribute(CredentialsFilter.ACCOUNT_ATTRIBUTE);
    if (account instanceof AuthenticatedAccount authenticated) {
      return authenticated;
    }
    throw new InvalidTokenException("This endpoint needs a bearer access token");
  }
}
