package org.hutong.shared.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.hutong.shared.infrastructure.work.StartupGate;

/** The web module starts after the EJB modules: when it has, the queue consumers may begin. */
@WebListener
public class ApplicationStarted implements ServletContextListener {

    @Inject
    StartupGate gate;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        gate.open();
    }
}
